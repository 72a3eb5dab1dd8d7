// Waveform peaks, computed as audio arrives (while recording, or while decoding an import) so that a
// player never decodes a whole file to draw it. The layout follows BBC audiowaveform's JSON format
// (version 2, one channel, 8-bit): `data` holds min/max pairs, one pair per `samples_per_pixel` samples.
import { z } from 'zod';

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

export function peaksFromBytes(
  bytes: Uint8Array,
  sampleRate: number,
  samplesPerPixel: number,
): WaveformPeaks {
  // Plain loops: Array.from and TypedArray.from(…, map) take ~100 ms over an hour's 720,000 values.
  const pairs = new Int8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength & ~1);
  const data = new Array<number>(pairs.length);
  for (let i = 0; i < pairs.length; i++) data[i] = pairs[i]!;
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

/**
 * The `data` of a stored peaks JSON file as int8 (min, max, …), read by a plain scan of its bytes:
 * JSON.parse builds an array of 720,000 numbers for an hour, the slowest step of opening a speech.
 * `undefined` for anything but the compact layout JSON.stringify writes: then use JSON.parse.
 */
export function peakDataFromJson(json: Uint8Array): Int8Array<ArrayBuffer> | undefined {
  const open = indexOfBytes(json, dataKey);
  if (open >= 0) {
    const out = new Int8Array(json.length - open);
    let count = 0;
    let value = 0;
    let digits = 0;
    let negative = false;
    for (let i = open + dataKey.length; i < json.length; i++) {
      const c = json[i]!;
      if (c >= 0x30 && c <= 0x39 && digits < 3) {
        value = value * 10 + c - 0x30;
        digits++;
      } else if (c === 0x2d && digits === 0 && !negative) {
        negative = true;
      } else if ((c === 0x2c || c === 0x5d) && digits > 0 && value <= (negative ? 128 : 127)) {
        out[count++] = negative ? -value : value;
        if (c === 0x5d) return out.slice(0, count);
        value = digits = 0;
        negative = false;
      } else if (c === 0x5d && count === 0 && digits === 0 && !negative) {
        return new Int8Array(0);
      } else {
        break;
      }
    }
  }
  return undefined;
}

const dataKey = Uint8Array.from('"data":[', (char) => char.charCodeAt(0));

function indexOfBytes(haystack: Uint8Array, needle: Uint8Array): number {
  outer: for (let i = 0; i + needle.length <= haystack.length; i++) {
    for (let j = 0; j < needle.length; j++) if (haystack[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

/**
 * How many min/max pairs a player draws: far more than its width in pixels, while an hour holds
 * 360,000. The host merges down to this before it answers (`speeches.peaks`' `maxPairs`), so opening
 * an hour moves 32 kB instead of 720 kB and the player scales 16,384 pairs instead of 360,000.
 */
export const playerPeakPairs = 16_384;

/**
 * Neighbouring min/max pairs merged (min of the mins, max of the maxes), `step` pairs at a time, the
 * smallest step that leaves at most `maxPairs`. A pair at full resolution already is its own merge.
 */
export function mergePeakPairs(
  data: ArrayLike<number>,
  maxPairs: number,
): { pairs: Int8Array<ArrayBuffer>; step: number } {
  const count = Math.floor(data.length / 2);
  const step = Math.max(1, Math.ceil(count / maxPairs));
  const pairs = new Int8Array(Math.ceil(count / step) * 2);
  for (let from = 0, out = 0; from < count; from += step, out += 2) {
    let min = data[2 * from]!;
    let max = data[2 * from + 1]!;
    for (let pair = from + 1; pair < Math.min(count, from + step); pair++) {
      min = Math.min(min, data[2 * pair]!);
      max = Math.max(max, data[2 * pair + 1]!);
    }
    pairs[out] = min;
    pairs[out + 1] = max;
  }
  return { pairs, step };
}

/**
 * Peaks scaled to [-1, 1] as wavesurfer.js takes them: one array of alternating min and max, merged
 * (`mergePeakPairs`) to at most `maxPairs` pairs.
 */
export function peaksForPlayer(peaks: { data: ArrayLike<number> }, maxPairs = Infinity): Float32Array {
  const { pairs } = mergePeakPairs(peaks.data, maxPairs);
  const scaled = new Float32Array(pairs.length);
  for (let i = 0; i < pairs.length; i++) scaled[i] = pairs[i]! / 127;
  return scaled;
}
