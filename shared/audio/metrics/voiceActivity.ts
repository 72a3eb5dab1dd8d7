// Where someone is speaking and where it is silent, from the 10 ms power track: a frame sounds when its
// level is above a threshold set from the recording itself — 35 dB under its
// loud end, but at least 8 dB over its noise floor — then silences shorter than a pause are bridged
// and sounds shorter than a syllable (clicks, breaths) dropped. Praat's "To TextGrid (silences)" works
// the same way; the numbers follow de Jong & Wempe (2009): pauses from 0.3 s.
import { frameSeconds, seconds } from './analyser';
import type { FrameLevelTrack } from './frameLevels';
import { quantile, toDb } from './track';

export interface Stretch {
  /** Seconds from the start of the recording. */
  start: number;
  end: number;
}

export const voiceActivitySettings = {
  /** A silence at least this long is a pause; shorter ones are part of speaking. */
  minPauseSec: 0.3,
  /** A sound shorter than this between silences is not speech. */
  minSoundSec: 0.1,
  /** The threshold, under the level only 1 % of the frames exceed… */
  belowLoudDb: 35,
  /** …but at least this far over the level 5 % of the frames stay under (the noise floor)… */
  aboveFloorDb: 8,
  /** …and never closer than this to the loud end (a very noisy recording). */
  minBelowLoudDb: 10,
} as const;

export interface VoiceActivity {
  /** The stretches of speech, in order, apart by at least minPauseSec. */
  speech: Stretch[];
  thresholdDb: number;
  durationSec: number;
}

export function voiceActivity(track: FrameLevelTrack): VoiceActivity {
  const { power, durationSec } = track;
  const s = voiceActivitySettings;
  // Unsmoothed, so that a pause's edges fall within a frame of the truth; bridging short silences
  // below does what smoothing would.
  const levels = power.map(toDb);
  const loud = quantile(levels, 0.99);
  const floor = quantile(levels, 0.05);
  const thresholdDb = Math.min(
    loud - s.minBelowLoudDb,
    Math.max(loud - s.belowLoudDb, floor + s.aboveFloorDb),
  );
  // Runs of sounding frames, [from, to) in frames.
  const runs: [number, number][] = [];
  for (let k = 0; k < levels.length; k++) {
    if (!(levels[k]! >= thresholdDb) || levels[k]! <= -100) continue;
    const last = runs[runs.length - 1];
    if (last && last[1] === k) last[1] = k + 1;
    else runs.push([k, k + 1]);
  }
  const minPause = Math.round(s.minPauseSec / frameSeconds);
  const minSound = Math.round(s.minSoundSec / frameSeconds);
  const bridged: [number, number][] = [];
  for (const run of runs) {
    const last = bridged[bridged.length - 1];
    if (last && run[0] - last[1] < minPause) last[1] = run[1];
    else bridged.push([run[0], run[1]]);
  }
  const speech = bridged
    .filter(([from, to]) => to - from >= minSound)
    .map(([from, to]) => ({
      start: seconds(from * frameSeconds),
      end: seconds(Math.min(durationSec, to * frameSeconds)),
    }));
  return { speech, thresholdDb, durationSec };
}
