// Loudness per ITU-R BS.1770-4 (integrated, LUFS) and its variation as EBU Tech 3342's loudness range
// (LU), streamed: the K-weighted signal's power is kept per 100 ms (36,000 numbers an hour), from which
// the 400 ms gating blocks (75 % overlap) and the 3 s short-term windows (every 100 ms) are summed at
// the end.
// Also the stretches that are much quieter than the rest of the speech, for the waveform.
import type { SpeechAnalyser } from './analyser';
import { seconds } from './analyser';
import { kWeighting } from './kWeighting';
import { assertSampleRate } from './frameLevels';
import { Track, quantile } from './track';
import type { Stretch } from './voiceActivity';

export const loudnessSettings = {
  absoluteGateLufs: -70,
  /** BS.1770-4: blocks more than 10 LU under the ungated level do not count. */
  relativeGateLu: -10,
  /** EBU Tech 3342: short-term windows more than 20 LU under theirs do not count towards the range. */
  rangeRelativeGateLu: -20,
  /** A short-term window this far under the integrated loudness (but not silence) is too quiet. */
  quietBelowLu: 9,
  /** …for at least this long. */
  quietMinSec: 5,
} as const;

/** Quiet stretches listed at most: a bound for what is shared. */
export const maxQuietStretches = 2000;

export interface Loudness {
  /** Integrated loudness (LUFS); null when nothing passes the gates (silence, or under 0.4 s). */
  integratedLufs: number | null;
  /** Loudness range (LU, EBU Tech 3342); null when too little is loud enough to measure. */
  rangeLu: number | null;
  /** Stretches of 5 s or more at least 9 LU quieter than the whole (silence excluded). */
  quiet: Stretch[];
}

const lufs = (meanSquare: number): number => -0.691 + 10 * Math.log10(meanSquare);

export class LoudnessAnalyser implements SpeechAnalyser<Loudness> {
  /** Mean square of the K-weighted signal per 100 ms. */
  private readonly blocks = new Track(1024);
  private readonly filters: number[];
  private z = [0, 0, 0, 0];
  private samples = 0;
  private sum = 0;
  private blockBegin = 0;
  private blockEnd: number;

  constructor(readonly sampleRate: number) {
    assertSampleRate(sampleRate);
    const [shelf, highPass] = kWeighting(sampleRate);
    this.filters = [shelf.b0, shelf.b1, shelf.b2, shelf.a1, shelf.a2, highPass.a1, highPass.a2];
    this.blockEnd = this.boundary(1);
  }

  push(samples: Float32Array): void {
    const [b0, b1, b2, a1, a2, c1, c2] = this.filters as [
      number,
      number,
      number,
      number,
      number,
      number,
      number,
    ];
    let [z1, z2, w1, w2] = this.z as [number, number, number, number];
    let i = 0;
    while (i < samples.length) {
      const take = Math.min(samples.length - i, this.blockEnd - this.samples);
      const stop = i + take;
      let sum = this.sum;
      for (; i < stop; i++) {
        const x = samples[i]!;
        const y = b0 * x + z1;
        z1 = b1 * x - a1 * y + z2;
        z2 = b2 * x - a2 * y;
        const v = y + w1;
        w1 = -2 * y - c1 * v + w2;
        w2 = y - c2 * v;
        sum += v * v;
      }
      this.sum = sum;
      this.samples += take;
      if (this.samples === this.blockEnd) {
        this.blocks.push(this.sum / (this.samples - this.blockBegin));
        this.sum = 0;
        this.blockBegin = this.samples;
        this.blockEnd = this.boundary(this.blocks.length + 1);
      }
    }
    this.z = [z1, z2, w1, w2];
  }

  finish(): Loudness {
    // A last partial 100 ms is left out, as BS.1770 counts whole blocks only.
    const sub = this.blocks.values();
    const integratedLufs = integrated(windowSums(sub, 4, 1));
    // Short-term windows every 100 ms, as ffmpeg's ebur128 filter takes them for the range.
    const shortTerm = windowSums(sub, 30, 1);
    return {
      integratedLufs: integratedLufs === null ? null : round2(integratedLufs),
      rangeLu: loudnessRange(shortTerm),
      quiet: integratedLufs === null ? [] : quietStretches(shortTerm, integratedLufs),
    };
  }

  private boundary(block: number): number {
    return Math.round((block * this.sampleRate) / 10);
  }
}

/** Mean of each `size` consecutive 100 ms blocks, one window every `hop` blocks. */
function windowSums(sub: Float32Array, size: number, hop: number): Float64Array {
  const count = sub.length < size ? 0 : Math.floor((sub.length - size) / hop) + 1;
  const out = new Float64Array(count);
  for (let j = 0; j < count; j++) {
    let sum = 0;
    for (let k = j * hop; k < j * hop + size; k++) sum += sub[k]!;
    out[j] = sum / size;
  }
  return out;
}

function gatedMean(blocks: Float64Array, gateLufs: number): { mean: number; count: number } {
  let sum = 0;
  let count = 0;
  for (const z of blocks) {
    if (z > 0 && lufs(z) > gateLufs) {
      sum += z;
      count++;
    }
  }
  return { mean: count > 0 ? sum / count : 0, count };
}

/** BS.1770-4 gating: absolute at −70 LUFS, then relative at −10 LU under the absolutely gated level. */
function integrated(blocks: Float64Array): number | null {
  const s = loudnessSettings;
  const absolute = gatedMean(blocks, s.absoluteGateLufs);
  if (absolute.count === 0) return null;
  const relativeGate = Math.max(s.absoluteGateLufs, lufs(absolute.mean) + s.relativeGateLu);
  const gated = gatedMean(blocks, relativeGate);
  return gated.count === 0 ? null : lufs(gated.mean);
}

/** EBU Tech 3342: the spread between the 10th and 95th percentiles of the gated short-term loudness. */
function loudnessRange(shortTerm: Float64Array): number | null {
  const s = loudnessSettings;
  const absolute = gatedMean(shortTerm, s.absoluteGateLufs);
  if (absolute.count < 2) return null;
  const gate = Math.max(s.absoluteGateLufs, lufs(absolute.mean) + s.rangeRelativeGateLu);
  const levels: number[] = [];
  for (const z of shortTerm) if (z > 0 && lufs(z) > gate) levels.push(lufs(z));
  if (levels.length < 2) return null;
  return round2(quantile(levels, 0.95) - quantile(levels, 0.1));
}

/** Runs of short-term windows (3 s, every 100 ms) quieter than the whole by quietBelowLu, not silent. */
function quietStretches(shortTerm: Float64Array, integratedLufs: number): Stretch[] {
  const s = loudnessSettings;
  const out: Stretch[] = [];
  let runStart = -1;
  // Window j covers [j / 10, j / 10 + 3) seconds; a stretch runs between its windows' centres.
  const close = (last: number) => {
    const start = runStart / 10 + 1.5;
    const end = last / 10 + 1.5;
    if (end - start >= s.quietMinSec && out.length < maxQuietStretches)
      out.push({ start: seconds(start), end: seconds(end) });
    runStart = -1;
  };
  for (let j = 0; j < shortTerm.length; j++) {
    const level = shortTerm[j]! > 0 ? lufs(shortTerm[j]!) : -Infinity;
    const quiet = level < integratedLufs - s.quietBelowLu && level >= integratedLufs + s.rangeRelativeGateLu;
    if (quiet && runStart < 0) runStart = j;
    if (!quiet && runStart >= 0) close(j - 1);
  }
  if (runStart >= 0) close(shortTerm.length - 1);
  return out;
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
