// Waveform peaks, computed as audio arrives (while recording, or while decoding an import) so that a
// player never decodes a whole file to draw it. The layout follows BBC audiowaveform's JSON format
// (version 2, one channel, 8-bit): `data` holds min/max pairs, one pair per `samples_per_pixel` samples.
import { z } from 'zod';

/** ~100 pairs a second at 44.1 kHz: sharp enough to zoom to a word, 700 kB for an hour. */
export const defaultSamplesPerPixel = 441;

export const WaveformPeaks = z.object({
  version: z.literal(2),
  channels: z.literal(1),
  sample_rate: z.number().int().min(1000).max(384000),
  samples_per_pixel: z.number().int().min(1).max(1_000_000),
  bits: z.literal(8),
  length: z.number().int().min(0),
  data: z.array(z.number().int().min(-128).max(127)),
});
export type WaveformPeaks = z.infer<typeof WaveformPeaks>;

/** Accumulates samples and yields min/max pairs (as signed 8-bit) for every full pixel. */
export class PeakAccumulator {
  private min = Infinity;
  private max = -Infinity;
  private count = 0;

  constructor(readonly samplesPerPixel: number = defaultSamplesPerPixel) {}

  /** Feeds mono samples in [-1, 1]; returns the finished pairs as int8 bytes (min, max, min, max…). */
  push(samples: ArrayLike<number>): Int8Array {
    const out: number[] = [];
    for (let i = 0; i < samples.length; i++) {
      const value = samples[i]!;
      if (value < this.min) this.min = value;
      if (value > this.max) this.max = value;
      if (++this.count === this.samplesPerPixel) out.push(...this.takePair());
    }
    return Int8Array.from(out);
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

export function peaksFromBytes(
  bytes: Uint8Array,
  sampleRate: number,
  samplesPerPixel: number,
): WaveformPeaks {
  const data = Array.from(new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength & ~1));
  return {
    version: 2,
    channels: 1,
    sample_rate: sampleRate,
    samples_per_pixel: samplesPerPixel,
    bits: 8,
    length: data.length / 2,
    data,
  };
}

/** Peaks scaled to [-1, 1] as wavesurfer.js takes them: one array of alternating min and max. */
export function peaksForPlayer(peaks: WaveformPeaks): Float32Array {
  return Float32Array.from(peaks.data, (v) => v / 127);
}
