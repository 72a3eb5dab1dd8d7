// Turns audio samples into waveform peaks as they arrive: min/max pairs as signed 8-bit, one pair per
// `samplesPerPixel` samples. Free of schemas and imports so the recording's audio worklet stays small.

/** ~100 pairs a second at 44.1 kHz: sharp enough to zoom to a word, 700 kB for an hour. */
export const defaultSamplesPerPixel = 441;

/** Accumulates samples and yields min/max pairs (as signed 8-bit) for every full pixel. */
export class PeakAccumulator {
  private min = Infinity;
  private max = -Infinity;
  private count = 0;

  constructor(readonly samplesPerPixel: number = defaultSamplesPerPixel) {}

  /** Feeds mono samples in [-1, 1]; returns the finished pairs as int8 bytes (min, max, min, max…). */
  push(samples: ArrayLike<number>): Int8Array {
    // Written into a typed array sized up front, with the state in locals: an hour of samples passes
    // through here on the renderer's main thread during an import.
    const perPixel = this.samplesPerPixel;
    const out = new Int8Array(2 * Math.floor((this.count + samples.length) / perPixel));
    let { min, max, count } = this;
    let at = 0;
    for (let i = 0; i < samples.length; i++) {
      const value = samples[i]!;
      if (value < min) min = value;
      if (value > max) max = value;
      if (++count === perPixel) {
        out[at++] = toInt8(min);
        out[at++] = toInt8(max);
        min = Infinity;
        max = -Infinity;
        count = 0;
      }
    }
    this.min = min;
    this.max = max;
    this.count = count;
    return out;
  }

  /** The last, partial pixel (if any samples are pending). */
  flush(): Int8Array {
    return this.count > 0 ? Int8Array.from(this.takePair()) : new Int8Array(0);
  }

  private takePair(): [number, number] {
    const pair: [number, number] = [toInt8(this.min), toInt8(this.max)];
    this.min = Infinity;
    this.max = -Infinity;
    this.count = 0;
    return pair;
  }
}

export function toInt8(sample: number): number {
  const clamped = Math.max(-1, Math.min(1, sample));
  return Math.max(-128, Math.min(127, Math.round(clamped * 127)));
}

/** Mixes interleaved or planar channels down to mono by averaging. */
export function mixToMono(channels: readonly Float32Array[]): Float32Array {
  if (channels.length === 1) return channels[0]!;
  const length = channels[0]?.length ?? 0;
  const mono = new Float32Array(length);
  for (const channel of channels) for (let i = 0; i < length; i++) mono[i]! += channel[i]! / channels.length;
  return mono;
}
