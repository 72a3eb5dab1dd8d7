// Streams decoded mono PCM to the metrics worker and gets the speech's metrics back. Small blocks (a
// decoder's 20 ms packets) are gathered into about a second each; at most a few blocks are in flight,
// so a fast decoder waits for the analyser instead of piling an hour up in memory. The worker gives
// each block's buffer back, for the next copies or to be dropped here: a buffer dropped in the worker
// waits for that thread's rare garbage collections, and an hour of them held 100 MB.
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
  /** Buffers the worker gave back, for the next blocks. */
  private spares: ArrayBuffer[] = [];
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
      // Big enough to go alone: what was gathered goes first, then this block.
      await this.send();
      return handOver ? this.handOver(samples) : this.post([samples], samples.length);
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
    const parts = this.gathered;
    const length = this.gatheredLength;
    this.gathered = [];
    this.gatheredLength = 0;
    await this.post(parts, length);
  }

  /**
   * Once fewer than `maxInFlight` blocks are waiting in the worker, copies the parts into one block (in
   * a spare buffer when there is one big enough) and moves its buffer there.
   */
  private async post(parts: readonly Float32Array[], length: number): Promise<void> {
    await this.room();
    const block = new Float32Array(this.spareFor(length), 0, length);
    let at = 0;
    for (const part of parts) {
      block.set(part, at);
      at += part.length;
    }
    this.move(block);
  }

  private async handOver(block: Float32Array): Promise<void> {
    await this.room();
    this.move(block);
  }

  /** Moves the block's buffer to the worker. */
  private move(block: Float32Array): void {
    this.inFlight++;
    this.port.postMessage({ type: 'push', samples: block }, [block.buffer]);
  }

  private async room(): Promise<void> {
    while (this.inFlight >= maxInFlight && !this.failure)
      await new Promise<void>((r) => this.waiting.push(r));
    if (this.failure) throw this.failure;
  }

  private spareFor(length: number): ArrayBuffer {
    const bytes = length * Float32Array.BYTES_PER_ELEMENT;
    const fits = this.spares.findIndex((spare) => spare.byteLength >= bytes);
    return fits >= 0 ? this.spares.splice(fits, 1)[0]! : new ArrayBuffer(bytes);
  }

  private receive(message: FromMetricsWorker): void {
    if (message.type === 'pushed') {
      this.inFlight--;
      // As many spares as can be in flight are enough; the smallest is dropped first.
      this.spares.push(message.spare);
      this.spares.sort((a, b) => b.byteLength - a.byteLength);
      this.spares.length = Math.min(this.spares.length, maxInFlight);
    } else if (message.type === 'done') this.result?.resolve(message.metrics);
    else {
      this.failure = new Error(message.message);
      this.result?.reject(this.failure);
    }
    for (const wake of this.waiting.splice(0)) wake();
  }
}
