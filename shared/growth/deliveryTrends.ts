// A member's delivery over their latest shared speeches, for the coach's table: speech rate, speaking
// share, pitch range and loudness from the metrics each author shared with a recording
// (`recording.metrics`), as the latest value and the change across the window. A Chinese speech's rate
// reads in characters a minute and any other in syllables a second: the two are never mixed in one
// trend, so a member's rate trend keeps to the unit of their latest measured speech.
import type { SpeechMetrics } from '../audio/metrics/speechMetrics';
import type { SpeechLanguage } from '../domain/speech';

/** A shared speech's metrics as its author shared them. */
export interface SharedSpeechMetrics {
  language: SpeechLanguage;
  metrics: SpeechMetrics;
}

/** How many of a member's latest shared speeches their delivery trends cover. */
export const recentSpeechCount = 5;

export const deliveryTrendIds = [
  'speechRate',
  'speakingPercent',
  'pitchRangeSemitones',
  'loudnessLufs',
] as const;
export type DeliveryTrendId = (typeof deliveryTrendIds)[number];

export type DeliveryUnit = 'charactersPerMinute' | 'syllablesPerSecond' | 'percent' | 'semitones' | 'lufs';

export interface DeliveryTrend {
  unit: DeliveryUnit;
  /** Oldest first: the measured speeches of the window in this unit. */
  values: number[];
  last: number;
  /** `last` minus the window's first value; null when only one speech was measured. */
  change: number | null;
}

export type DeliveryTrends = Partial<Record<DeliveryTrendId, DeliveryTrend>>;

interface SharedSpeech {
  recordingId: string;
  sharedAt: string;
}

/** The latest `recentSpeechCount` of these speeches, oldest first. */
export function recentSpeeches<T extends SharedSpeech>(speeches: readonly T[]): T[] {
  const ordered = [...speeches].sort((a, b) =>
    a.sharedAt < b.sharedAt ? -1 : a.sharedAt > b.sharedAt ? 1 : 0,
  );
  return ordered.slice(-recentSpeechCount);
}

const rateUnit = (language: SpeechLanguage): DeliveryUnit =>
  language === 'zh' ? 'charactersPerMinute' : 'syllablesPerSecond';

/** Each trend's unit and value for one speech, null where it was not measured. */
function readings(
  shared: SharedSpeechMetrics,
): Record<DeliveryTrendId, { unit: DeliveryUnit; value: number | null }> {
  const { metrics: m } = shared;
  const rate = m.speechRate.syllablesPerSecond;
  const unit = rateUnit(shared.language);
  return {
    speechRate: { unit, value: rate === null ? null : unit === 'charactersPerMinute' ? rate * 60 : rate },
    speakingPercent: { unit: 'percent', value: m.speakingTime.speakingRatio * 100 },
    pitchRangeSemitones: { unit: 'semitones', value: m.pitch.rangeSemitones },
    loudnessLufs: { unit: 'lufs', value: m.loudness.integratedLufs },
  };
}

/**
 * The member's delivery trends over their latest shared speeches (`metricsOf` gives a recording's
 * shared metrics, or nothing where its author shared none); a trend no speech measured is left out.
 */
export function deliveryTrends(
  speeches: readonly SharedSpeech[],
  metricsOf: (recordingId: string) => SharedSpeechMetrics | null | undefined,
): DeliveryTrends {
  const measured = recentSpeeches(speeches).flatMap((s) => {
    const shared = metricsOf(s.recordingId);
    return shared ? [readings(shared)] : [];
  });
  const trends: DeliveryTrends = {};
  for (const id of deliveryTrendIds) {
    const withValue = measured.map((r) => r[id]).filter((r) => r.value !== null);
    const latest = withValue.at(-1);
    if (!latest) continue;
    const values = withValue.filter((r) => r.unit === latest.unit).map((r) => r.value!);
    trends[id] = {
      unit: latest.unit,
      values,
      last: values.at(-1)!,
      change: values.length > 1 ? values.at(-1)! - values[0]! : null,
    };
  }
  return trends;
}
