// The metrics worker's side of the conversation, free of the worker global so a test can drive it:
// one analyser per worker, fed the decoded chunks in order, each acknowledged with its buffer given
// back, so the sender keeps only a few in flight (an hour never queues up in the worker's inbox) and
// the worker drops none (it would hold them until its rare garbage collections).
import { SpeechMetricsAnalyser } from '../../shared/audio/metrics/analyseSpeech';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';

export type ToMetricsWorker =
  { type: 'start'; sampleRate: number } | { type: 'push'; samples: Float32Array } | { type: 'finish' };

export type FromMetricsWorker =
  | { type: 'pushed'; spare: ArrayBuffer }
  | { type: 'done'; metrics: SpeechMetrics }
  | { type: 'failed'; message: string };

export function serveMetrics(
  post: (message: FromMetricsWorker, transfer?: Transferable[]) => void,
): (message: ToMetricsWorker) => void {
  let analyser: SpeechMetricsAnalyser | undefined;
  return (message) => {
    try {
      if (message.type === 'start') analyser = new SpeechMetricsAnalyser(message.sampleRate);
      else if (!analyser) throw new Error('metrics worker: push or finish before start');
      else if (message.type === 'push') {
        analyser.push(message.samples);
        const spare = message.samples.buffer as ArrayBuffer;
        post({ type: 'pushed', spare }, [spare]);
      } else {
        post({ type: 'done', metrics: analyser.finish() });
        analyser = undefined;
      }
    } catch (error) {
      analyser = undefined;
      post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
    }
  };
}
