// Runs on the audio thread: turns microphone samples into waveform peaks and a level, and posts them
// to the page every ~50 ms. Samples never cross to the main thread, so recording stays cheap.
import { PeakAccumulator } from '../../shared/audio/peakAccumulator';

declare const sampleRate: number;
declare function registerProcessor(name: string, processor: unknown): void;
declare class AudioWorkletProcessor {
  readonly port: MessagePort;
}

class PeakProcessor extends AudioWorkletProcessor {
  private readonly peaks = new PeakAccumulator(Math.round(sampleRate / 100));
  private pending: number[] = [];
  private sumSquares = 0;
  private count = 0;
  private loudest = 0;
  private paused = false;

  constructor() {
    super();
    this.port.onmessage = (event: MessageEvent<{ paused?: boolean; flush?: boolean }>) => {
      if (event.data.paused !== undefined) this.paused = event.data.paused;
      if (event.data.flush) this.post(this.peaks.flush());
    };
  }

  process(inputs: Float32Array[][]): boolean {
    const samples = inputs[0]?.[0];
    if (!samples || this.paused) return true;
    for (const sample of samples) {
      this.sumSquares += sample * sample;
      this.loudest = Math.max(this.loudest, Math.abs(sample));
    }
    this.count += samples.length;
    this.pending.push(...this.peaks.push(samples));
    if (this.count >= sampleRate / 20) this.post(new Int8Array(0));
    return true;
  }

  private post(extra: Int8Array): void {
    const pairs = Int8Array.from([...this.pending, ...extra]);
    const rms = this.count > 0 ? Math.sqrt(this.sumSquares / this.count) : 0;
    this.port.postMessage({ pairs, rms, peak: this.loudest, flushed: extra.length > 0 || this.count === 0 }, [
      pairs.buffer,
    ]);
    this.pending = [];
    this.sumSquares = 0;
    this.count = 0;
    this.loudest = 0;
  }
}

registerProcessor('lectern-peaks', PeakProcessor);
