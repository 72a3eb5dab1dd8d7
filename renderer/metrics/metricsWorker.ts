// The Web Worker that computes a speech's delivery metrics off the UI thread (see metricsWorkerHost).
import { serveMetrics, type FromMetricsWorker, type ToMetricsWorker } from './metricsWorkerHost';

const scope = self as unknown as {
  postMessage(message: FromMetricsWorker, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<ToMetricsWorker>) => void) | null;
};
const handle = serveMetrics((message, transfer) => scope.postMessage(message, transfer));
scope.onmessage = (event) => handle(event.data);
