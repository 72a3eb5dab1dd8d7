// The voice's fundamental frequency (F0) every 10 ms, streamed. The signal is first brought down to
// about 4 kHz (a triangular decimating filter, then a 1 kHz low-pass: the harmonics that carry F0),
// which makes the search ~100× cheaper than at 48 kHz; then each 25 ms window is compared with itself
// shifted by every period from 2.5 ms (400 Hz) to 16.7 ms (60 Hz) by normalized cross-correlation
// (as in Talkin's RAPT). The shortest period whose correlation is within 15 % of the best is taken
// (so no octave too low), refined between samples by a parabola; the frame is voiced when that
// correlation reaches the voicing threshold. Quiet frames are not searched.
import type { SpeechAnalyser } from './analyser';
import { frameSeconds } from './analyser';
import { Biquad, lowPass } from './biquad';
import { assertSampleRate } from './frameLevels';
import { Track } from './track';

export const pitchSettings = {
  minHz: 60,
  maxHz: 400,
  windowSec: 0.02,
  /** Normalized correlation (0..1) a frame needs to count as voiced. */
  voicingThreshold: 0.7,
  /** Candidates within this fraction of the best correlation: the shortest period wins. */
  octaveTolerance: 0.85,
  targetRate: 3000,
  lowPassHz: 1000,
  /** Frames quieter than this (dBFS), or this far under the loudest so far, are unvoiced unsearched. */
  floorDb: -60,
  belowLoudestDb: 50,
} as const;

export interface PitchTrack {
  /** F0 in Hz per 10 ms frame (frame k centred at k·10 ms + 5 ms); 0 where unvoiced. */
  f0: Float32Array;
}

export class PitchTracker implements SpeechAnalyser<PitchTrack> {
  private readonly track = new Track();
  readonly rate: number;
  private readonly factor: number;
  private readonly smooth: Biquad;
  private readonly window: number;
  private readonly minLag: number;
  private readonly maxLag: number;
  /** Decimator state: sums over the current block of `factor` input samples (plain and ramp-weighted). */
  private phase = 0;
  private sum = 0;
  private ramp = 0;
  private carry = 0;
  /** The low-rate signal from `bufferStart` on. */
  private buffer = new Float32Array(8192);
  private bufferLength = 0;
  private bufferStart = 0;
  private loudest = 0;
  /** The last frame's F0 (0 if unvoiced). */
  private previous = 0;
  private readonly floor = 10 ** (pitchSettings.floorDb / 10);
  private readonly belowLoudest = 10 ** (-pitchSettings.belowLoudestDb / 10);
  private readonly nccf: Float64Array;

  constructor(readonly sampleRate: number) {
    assertSampleRate(sampleRate);
    const s = pitchSettings;
    this.factor = Math.max(1, Math.floor(sampleRate / s.targetRate));
    this.rate = sampleRate / this.factor;
    this.smooth = new Biquad(lowPass(this.rate, Math.min(s.lowPassHz, 0.4 * this.rate)));
    this.window = Math.round(s.windowSec * this.rate);
    this.minLag = Math.max(2, Math.floor(this.rate / s.maxHz));
    this.maxLag = Math.ceil(this.rate / s.minHz);
    this.nccf = new Float64Array(this.maxLag + 3);
  }

  push(samples: Float32Array): void {
    const factor = this.factor;
    const scale = 1 / (factor * factor);
    let i = 0;
    while (i < samples.length) {
      const stop = Math.min(samples.length, i + factor - this.phase);
      let { phase, sum, ramp } = this;
      for (; i < stop; i++, phase++) {
        const x = samples[i]!;
        sum += x;
        ramp += phase * x;
      }
      if (phase === factor) {
        // Triangular weights over two blocks: rising over this one, falling over the one before.
        const y = (ramp + sum + this.carry) * scale;
        this.carry = (factor - 1) * sum - ramp;
        this.append(this.smooth.next(y));
        phase = sum = ramp = 0;
      }
      this.phase = phase;
      this.sum = sum;
      this.ramp = ramp;
    }
    this.analyseReadyFrames();
  }

  finish(): PitchTrack {
    // Frames whose window runs past the end are unvoiced: an F0 needs the whole window.
    return { f0: this.track.values() };
  }

  private append(value: number): void {
    if (this.bufferLength === this.buffer.length) {
      // Keep only what the next frame needs; grow if that is still everything.
      const keepFrom = Math.max(0, this.frameBegin(this.track.length) - this.bufferStart);
      if (keepFrom > 0) {
        this.buffer.copyWithin(0, keepFrom, this.bufferLength);
        this.bufferLength -= keepFrom;
        this.bufferStart += keepFrom;
      } else {
        const grown = new Float32Array(this.buffer.length * 2);
        grown.set(this.buffer);
        this.buffer = grown;
      }
    }
    this.buffer[this.bufferLength++] = value;
  }

  /** The low-rate index where frame k's window begins (centred on the 10 ms level frame k). */
  private frameBegin(k: number): number {
    return Math.round((k * frameSeconds + frameSeconds / 2) * this.rate - this.window / 2);
  }

  private analyseReadyFrames(): void {
    for (;;) {
      const k = this.track.length;
      const begin = this.frameBegin(k);
      if (begin + this.window + this.maxLag + 3 > this.bufferStart + this.bufferLength) return;
      const at = begin - this.bufferStart;
      const previous = this.previous;
      // Every other frame searches all periods; the one between follows its predecessor (±2 samples
      // around its period), or stays unvoiced after an unvoiced one: half the work, a voice's onset
      // found at most 10 ms late.
      let f0 = 0;
      if (begin >= 0 && k % 2 === 0) f0 = this.f0At(at, this.minLag, this.maxLag);
      else if (begin >= 0 && previous > 0) {
        const lag = Math.round(this.rate / previous);
        f0 = this.f0At(at, Math.max(this.minLag, lag - 2), Math.min(this.maxLag, lag + 2));
      }
      this.track.push(f0);
      this.previous = f0;
    }
  }

  /** F0 of the window at `at`, searching periods from `minLag` to `maxLag` samples; 0 if unvoiced. */
  private f0At(at: number, minLag: number, maxLag: number): number {
    const x = this.buffer;
    const n = this.window;
    let e0 = 0;
    for (let j = at; j < at + n; j++) e0 += x[j]! * x[j]!;
    const meanSquare = e0 / n;
    this.loudest = Math.max(this.loudest, meanSquare);
    const s = pitchSettings;
    if (meanSquare < this.floor || meanSquare < this.loudest * this.belowLoudest) return 0;
    const nccf = this.nccf;
    // Energy of the shifted window, slid one sample per lag.
    let shifted = 0;
    for (let j = at + minLag - 1; j < at + minLag - 1 + n; j++) shifted += x[j]! * x[j]!;
    let best = 0;
    for (let lag = minLag - 1; lag <= maxLag + 1; lag++) {
      if (lag > minLag - 1) {
        const out = x[at + lag - 1]!;
        const inn = x[at + lag - 1 + n]!;
        shifted += inn * inn - out * out;
      }
      let c = 0;
      for (let j = at; j < at + n; j++) c += x[j]! * x[j + lag]!;
      const value = shifted > 0 ? c / Math.sqrt(e0 * shifted) : 0;
      nccf[lag] = value;
      if (lag >= minLag && lag <= maxLag && value > best) best = value;
    }
    if (best < s.voicingThreshold) return 0;
    for (let lag = minLag; lag <= maxLag; lag++) {
      const value = nccf[lag]!;
      if (value < s.octaveTolerance * best || value < nccf[lag - 1]! || value < nccf[lag + 1]!) continue;
      const before = nccf[lag - 1]!;
      const after = nccf[lag + 1]!;
      const curve = before - 2 * value + after;
      const shift = curve < 0 ? (0.5 * (before - after)) / curve : 0;
      return this.rate / (lag + Math.max(-0.5, Math.min(0.5, shift)));
    }
    return 0;
  }
}
