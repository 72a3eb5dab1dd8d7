// The delivery metrics of the member's own speeches, outside React: those computed this session, and
// the progress of those being computed (after a recording is saved; for an older speech when it is
// opened). One job per speech at a time; a failure is remembered so the page can say so.
import { create } from 'zustand';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import type { Speech } from '../../shared/domain/speech';
import { api } from '../api/api';
import { computeSpeechMetrics } from './computeSpeechMetrics';

interface MetricsState {
  /** Metrics known this session, by speech id. */
  bySpeech: Record<string, SpeechMetrics>;
  /** Speeches being analysed, and how far (0..1). */
  progress: Record<string, number>;
  failed: Record<string, true>;
}

export const useMetricsStore = create<MetricsState>(() => ({ bySpeech: {}, progress: {}, failed: {} }));

const jobs = new Map<string, Promise<SpeechMetrics | null>>();

/** Keeps metrics computed elsewhere (an import analyses while it decodes) and stores them with the speech. */
export async function keepMetrics(speechId: string, metrics: SpeechMetrics): Promise<void> {
  await api.call('speeches.saveMetrics', { speechId, metrics });
  useMetricsStore.setState((s) => ({ bySpeech: { ...s.bySpeech, [speechId]: metrics } }));
}

/** The job analysing this speech now, if there is one (sharing waits for it, so the metrics travel too). */
export function metricsJob(speechId: string): Promise<SpeechMetrics | null> | undefined {
  return jobs.get(speechId);
}

/** The speech's metrics: those stored with it, or computed from its audio now (and then stored). */
export function ensureSpeechMetrics(
  speech: Pick<Speech, 'id' | 'durationMs'>,
): Promise<SpeechMetrics | null> {
  const running = jobs.get(speech.id);
  if (running) return running;
  const known = useMetricsStore.getState().bySpeech[speech.id];
  if (known) return Promise.resolve(known);
  const job = (async () => {
    const stored = await api.call('speeches.metrics', { speechId: speech.id });
    if (stored) {
      useMetricsStore.setState((s) => ({ bySpeech: { ...s.bySpeech, [speech.id]: stored } }));
      return stored;
    }
    setProgress(speech.id, 0);
    let shown = 0;
    const metrics = await computeSpeechMetrics(speech, (fraction) => {
      // Every percent at most: each report re-renders the page.
      if (fraction - shown >= 0.01) setProgress(speech.id, (shown = fraction));
    });
    await keepMetrics(speech.id, metrics);
    return metrics;
  })()
    .catch((error: unknown) => {
      console.error(`[lectern] could not compute the metrics of speech ${speech.id}:`, error);
      useMetricsStore.setState((s) => ({ failed: { ...s.failed, [speech.id]: true } }));
      return null;
    })
    .finally(() => {
      jobs.delete(speech.id);
      useMetricsStore.setState((s) => {
        const { [speech.id]: _done, ...progress } = s.progress;
        return { progress };
      });
    });
  jobs.set(speech.id, job);
  return job;
}

/** Tries a failed speech again (the member pressed "try again"). */
export function retrySpeechMetrics(speech: Pick<Speech, 'id' | 'durationMs'>): void {
  useMetricsStore.setState((s) => {
    const { [speech.id]: _failed, ...failed } = s.failed;
    return { failed };
  });
  void ensureSpeechMetrics(speech);
}

function setProgress(speechId: string, fraction: number): void {
  useMetricsStore.setState((s) => ({ progress: { ...s.progress, [speechId]: fraction } }));
}
