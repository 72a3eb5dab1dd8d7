// A metrics stream backed by a Web Worker of its own: the analysis never runs on the UI thread.
import MetricsWorker from './metricsWorker.ts?worker';
import { SpeechMetricsStream, type MetricsPort } from './speechMetricsStream';

export function openMetricsStream(sampleRate: number): SpeechMetricsStream {
  return new SpeechMetricsStream(sampleRate, new MetricsWorker() as unknown as MetricsPort);
}
