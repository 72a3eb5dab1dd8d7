// Pitch: the median F0 of the voiced frames and its range in semitones (5th to 95th percentile, so a
// stray octave error does not stretch it). Only voiced runs of 30 ms or more count: a lone voiced frame
// is more likely noise than voice, and so is a run an
// octave away from all the others.
import type { SpeechAnalyser } from './analyser';
import { frameSeconds } from './analyser';
import type { PitchTrack } from './pitchTracker';
import { PitchTracker } from './pitchTracker';
import { quantile } from './track';

export const minVoicedRunFrames = 3;
/** Fewer voiced frames than this (half a second) give no pitch figures. */
export const minVoicedFrames = 50;

export interface Pitch {
  medianHz: number | null;
  /** 12·log2(P95 / P5) of the voiced frames' F0. */
  rangeSemitones: number | null;
  /** Standard deviation of F0 in semitones around the median. */
  sdSemitones: number | null;
  voicedSec: number;
}

/**
 * The F0 of every voiced frame that belongs to a run of at least minVoicedRunFrames, leaving out whole
 * runs more than an octave from the median of all runs (a consonant's noise taken for a high voice,
 * or a period doubled): a voice moves less than that between syllables.
 */
export function voicedF0(track: PitchTrack): Float32Array {
  const { f0 } = track;
  const runs: [number, number][] = [];
  let runStart = 0;
  for (let k = 0; k <= f0.length; k++) {
    if (k < f0.length && f0[k]! > 0) continue;
    if (k - runStart >= minVoicedRunFrames) runs.push([runStart, k]);
    runStart = k + 1;
  }
  const all = new Float32Array(runs.reduce((sum, [from, to]) => sum + to - from, 0));
  let count = 0;
  for (const [from, to] of runs) for (let k = from; k < to; k++) all[count++] = f0[k]!;
  const median = quantile(all, 0.5);
  count = 0;
  for (const [from, to] of runs) {
    const runMedian = quantile(f0.subarray(from, to), 0.5);
    if (runMedian < median / 2 || runMedian > median * 2) continue;
    for (let k = from; k < to; k++) all[count++] = f0[k]!;
  }
  return all.subarray(0, count);
}

export function pitchOf(track: PitchTrack): Pitch {
  const voiced = voicedF0(track);
  const voicedSec = Math.round(voiced.length * frameSeconds * 100) / 100;
  if (voiced.length < minVoicedFrames)
    return { medianHz: null, rangeSemitones: null, sdSemitones: null, voicedSec };
  const median = quantile(voiced, 0.5);
  const semitones = (hz: number) => 12 * Math.log2(hz / median);
  let squares = 0;
  for (const hz of voiced) squares += semitones(hz) ** 2;
  return {
    medianHz: Math.round(median * 10) / 10,
    rangeSemitones: round1(semitones(quantile(voiced, 0.95)) - semitones(quantile(voiced, 0.05))),
    sdSemitones: round1(Math.sqrt(squares / voiced.length)),
    voicedSec,
  };
}

export class PitchAnalyser implements SpeechAnalyser<Pitch> {
  private readonly tracker: PitchTracker;

  constructor(sampleRate: number) {
    this.tracker = new PitchTracker(sampleRate);
  }

  push(samples: Float32Array): void {
    this.tracker.push(samples);
  }

  finish(): Pitch {
    return pitchOf(this.tracker.finish());
  }
}

const round1 = (value: number): number => Math.round(value * 10) / 10;
