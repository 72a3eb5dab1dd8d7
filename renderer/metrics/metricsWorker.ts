// The Web Worker that computes a speech's delivery metrics off the UI thread (see metricsWorkerHost).
import { serveMetrics, type FromMetricsWorker, type ToMetricsWorker } from './metricsWorkerHost';

const scope = self as unknown as {
  postMessage(message: FromMetricsWorker): void;
  onmessage: ((event: MessageEvent<ToMetricsWorker>) => void) | null;
};
const handle = serveMetrics((message) => scope.postMessage(message));
scope.onmessage = (event) => handle(event.data);
