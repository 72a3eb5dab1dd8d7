// Speech rate by syllable nuclei, after de Jong & Wempe (2009): a syllable's vowel is a peak of the
// intensity contour that stands out — above a threshold 25 dB under the recording's loud end, at least
// 2 dB over the dip before the next peak — and is voiced. No words are recognised, so it works for any
// language; in Mandarin every character is one syllable, so syllables per second × 60 is characters
// per minute. Its uncertainty combines the method's own error on test speech with the count's
// (a Poisson count of N syllables is off by about √N).
import type { SpeechAnalyser } from './analyser';
import type { FrameLevelTrack } from './frameLevels';
import { FrameLevels } from './frameLevels';
import type { PitchTrack } from './pitchTracker';
import { PitchTracker } from './pitchTracker';
import { quantile, toDb } from './track';
import type { VoiceActivity } from './voiceActivity';
import { voiceActivity } from './voiceActivity';

export const syllableSettings = {
  silenceBelowLoudDb: 25,
  minDipDb: 2,
  /** Intensity smoothing: a Hann window this many frames either side (about 55 ms effective; Praat's
   * 64 ms at 50 Hz merged syllables of fast English in the validation). */
  halfWindowFrames: 5,
  /** Relative error of the count on espeak-ng speech at 110–190 wpm, English and Chinese (see the validation test). */
  methodError: 0.15,
} as const;

export interface SpeechRate {
  syllables: number;
  /** Syllables per second from the first word to the last, pauses included; null without speech. */
  syllablesPerSecond: number | null;
  /** Syllables per second of speaking time (pauses left out). */
  articulationRate: number | null;
  /** ± this many syllables per second (one standard error) on syllablesPerSecond. */
  uncertainty: number | null;
}

/** The frames (10 ms) of the syllable nuclei. */
export function syllableNuclei(levels: FrameLevelTrack, pitch: PitchTrack): number[] {
  const s = syllableSettings;
  const { power } = levels;
  const half = s.halfWindowFrames;
  const weights = Array.from(
    { length: 2 * half + 1 },
    (_, i) => 0.5 - 0.5 * Math.cos((Math.PI * (i + 1)) / (half + 1)),
  );
  const intensity = new Float32Array(power.length);
  for (let k = 0; k < power.length; k++) {
    let sum = 0;
    let weight = 0;
    for (let j = -half; j <= half; j++) {
      const value = power[k + j];
      if (value === undefined) continue;
      sum += weights[j + half]! * value;
      weight += weights[j + half]!;
    }
    intensity[k] = toDb(sum / weight);
  }
  const threshold = quantile(intensity, 0.99) - s.silenceBelowLoudDb;
  const peaks: number[] = [];
  for (let k = 1; k < intensity.length - 1; k++) {
    const value = intensity[k]!;
    if (value > threshold && value > intensity[k - 1]! && value >= intensity[k + 1]!) peaks.push(k);
  }
  const voiced = (k: number) =>
    (pitch.f0[k] ?? 0) > 0 || (pitch.f0[k - 1] ?? 0) > 0 || (pitch.f0[k + 1] ?? 0) > 0;
  const nuclei: number[] = [];
  for (let p = 0; p < peaks.length; p++) {
    const from = peaks[p]!;
    const to = peaks[p + 1] ?? intensity.length;
    let dip = Infinity;
    for (let k = from + 1; k < to; k++) dip = Math.min(dip, intensity[k]!);
    if (intensity[from]! - dip > s.minDipDb && voiced(from)) nuclei.push(from);
  }
  return nuclei;
}

export function speechRateOf(nuclei: readonly number[], activity: VoiceActivity): SpeechRate {
  const { speech } = activity;
  const syllables = nuclei.length;
  const spanSec = speech.length > 0 ? speech[speech.length - 1]!.end - speech[0]!.start : 0;
  const speakingSec = speech.reduce((sum, s) => sum + (s.end - s.start), 0);
  if (syllables === 0 || spanSec <= 0)
    return { syllables, syllablesPerSecond: null, articulationRate: null, uncertainty: null };
  const rate = syllables / spanSec;
  const relative = Math.sqrt(syllableSettings.methodError ** 2 + 1 / syllables);
  return {
    syllables,
    syllablesPerSecond: round2(rate),
    articulationRate: round2(syllables / speakingSec),
    uncertainty: round2(rate * relative),
  };
}

export class SpeechRateAnalyser implements SpeechAnalyser<SpeechRate> {
  private readonly levels: FrameLevels;
  private readonly pitch: PitchTracker;

  constructor(sampleRate: number) {
    this.levels = new FrameLevels(sampleRate);
    this.pitch = new PitchTracker(sampleRate);
  }

  push(samples: Float32Array): void {
    this.levels.push(samples);
    this.pitch.push(samples);
  }

  finish(): SpeechRate {
    const levels = this.levels.finish();
    return speechRateOf(syllableNuclei(levels, this.pitch.finish()), voiceActivity(levels));
  }
}

const round2 = (value: number): number => Math.round(value * 100) / 100;
