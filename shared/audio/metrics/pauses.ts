// Pauses: the silences between stretches of speech (0.3 s and more; not the silence before the first
// word or after the last), their count and the longest, and every long one (over 2 s) with its time,
// so a click on it can seek there.
import type { SpeechAnalyser } from './analyser';
import { seconds } from './analyser';
import { FrameLevels } from './frameLevels';
import type { Stretch, VoiceActivity } from './voiceActivity';
import { voiceActivity } from './voiceActivity';

export const longPauseSec = 2;
/** Long pauses listed at most (one every 2 s of an eight-hour recording): a bound for what is shared. */
export const maxListedPauses = 14_400;

export interface Pauses {
  count: number;
  longestSec: number;
  totalSec: number;
  /** Every pause longer than 2 s, in order. */
  long: Stretch[];
}

export function pausesOf({ speech }: VoiceActivity): Pauses {
  let count = 0;
  let longestSec = 0;
  let totalSec = 0;
  const long: Stretch[] = [];
  for (let i = 1; i < speech.length; i++) {
    const pause = { start: speech[i - 1]!.end, end: speech[i]!.start };
    const length = pause.end - pause.start;
    count++;
    totalSec += length;
    longestSec = Math.max(longestSec, length);
    if (length > longPauseSec && long.length < maxListedPauses) long.push(pause);
  }
  return { count, longestSec: seconds(longestSec), totalSec: seconds(totalSec), long };
}

export class PauseAnalyser implements SpeechAnalyser<Pauses> {
  private readonly levels: FrameLevels;

  constructor(sampleRate: number) {
    this.levels = new FrameLevels(sampleRate);
  }

  push(samples: Float32Array): void {
    this.levels.push(samples);
  }

  finish(): Pauses {
    return pausesOf(voiceActivity(this.levels.finish()));
  }
}
