// Streams decoded mono PCM to the metrics worker and gets the speech's metrics back. Small blocks (a
// decoder's 20 ms packets) are gathered into about a second each; at most a few blocks are in flight,
// so a fast decoder waits for the analyser instead of piling an hour up in memory.
import { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import type { FromMetricsWorker, ToMetricsWorker } from './metricsWorkerHost';

/** What the stream needs of a worker (a test passes one that runs the host in-process). */
export interface MetricsPort {
  postMessage(message: ToMetricsWorker, transfer?: Transferable[]): void;
  onmessage: ((event: { data: FromMetricsWorker }) => void) | null;
  terminate(): void;
}

const maxInFlight = 3;

export class SpeechMetricsStream {
  private inFlight = 0;
  private waiting: (() => void)[] = [];
  private gathered: Float32Array[] = [];
  private gatheredLength = 0;
  private result: { resolve(m: SpeechMetrics): void; reject(e: Error): void } | undefined;
  private failure: Error | undefined;
  private readonly batch: number;

  constructor(
    sampleRate: number,
    private readonly port: MetricsPort,
  ) {
    this.batch = Math.round(sampleRate);
    port.onmessage = ({ data }) => this.receive(data);
    port.postMessage({ type: 'start', sampleRate });
  }

  /**
   * Sends the samples; resolves once there is room for more. They are copied, unless `handOver`: then
   * their buffer moves to the worker as it is and the caller must not touch it (or any view of it) again.
   */
  async push(samples: Float32Array, handOver = false): Promise<void> {
    if (this.failure) throw this.failure;
    if (samples.length === 0) return;
    if (samples.length >= this.batch) {
      // Big enough to go alone: what was gathered goes first, then this block, never joined to it (a
      // decoder's half minute copied again, into fresh memory each time, cost more than the analysis).
      await this.send();
      return this.post(handOver ? samples : samples.slice());
    }
    this.gathered.push(samples.slice());
    this.gatheredLength += samples.length;
    if (this.gatheredLength >= this.batch) await this.send();
  }

  /** The metrics of everything pushed; the worker ends with it. */
  async finish(): Promise<SpeechMetrics> {
    await this.send();
    const metrics = new Promise<SpeechMetrics>((resolve, reject) => (this.result = { resolve, reject }));
    if (this.failure) this.result!.reject(this.failure);
    else this.port.postMessage({ type: 'finish' });
    try {
      return SpeechMetrics.parse(await metrics);
    } finally {
      this.close();
    }
  }

  close(): void {
    this.port.terminate();
  }

  /** Sends what was gathered, as one block. */
  private async send(): Promise<void> {
    if (this.gatheredLength === 0) return;
    const block = this.gathered.length === 1 ? this.gathered[0]! : concat(this.gathered, this.gatheredLength);
    this.gathered = [];
    this.gatheredLength = 0;
    await this.post(block);
  }

  /** Moves the block's buffer to the worker once fewer than `maxInFlight` are waiting there. */
  private async post(block: Float32Array): Promise<void> {
    while (this.inFlight >= maxInFlight && !this.failure)
      await new Promise<void>((r) => this.waiting.push(r));
    if (this.failure) throw this.failure;
    this.inFlight++;
    this.port.postMessage({ type: 'push', samples: block }, [block.buffer]);
  }

  private receive(message: FromMetricsWorker): void {
    if (message.type === 'pushed') this.inFlight--;
    else if (message.type === 'done') this.result?.resolve(message.metrics);
    else {
      this.failure = new Error(message.message);
      this.result?.reject(this.failure);
    }
    for (const wake of this.waiting.splice(0)) wake();
  }
}

function concat(parts: readonly Float32Array[], length: number): Float32Array {
  const joined = new Float32Array(length);
  let at = 0;
  for (const part of parts) {
    joined.set(part, at);
    at += part.length;
  }
  return joined;
}
