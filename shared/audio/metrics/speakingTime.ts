// Speaking time and the share of silence: how much of the recording is speech (pauses of 0.3 s and
// more, and the silence before and after, are not).
import type { SpeechAnalyser } from './analyser';
import { seconds } from './analyser';
import { FrameLevels } from './frameLevels';
import type { VoiceActivity } from './voiceActivity';
import { voiceActivity } from './voiceActivity';

export interface SpeakingTime {
  speakingSec: number;
  /** Speaking time over the whole recording, 0..1. */
  speakingRatio: number;
  /** 1 − speakingRatio: pauses, and the silence before the first word and after the last. */
  silenceRatio: number;
}

export function speakingTimeOf({ speech, durationSec }: VoiceActivity): SpeakingTime {
  const speakingSec = speech.reduce((sum, s) => sum + (s.end - s.start), 0);
  const speakingRatio = durationSec > 0 ? Math.min(1, speakingSec / durationSec) : 0;
  return {
    speakingSec: seconds(speakingSec),
    speakingRatio: round4(speakingRatio),
    silenceRatio: round4(1 - speakingRatio),
  };
}

export class SpeakingTimeAnalyser implements SpeechAnalyser<SpeakingTime> {
  private readonly levels: FrameLevels;

  constructor(sampleRate: number) {
    this.levels = new FrameLevels(sampleRate);
  }

  push(samples: Float32Array): void {
    this.levels.push(samples);
  }

  finish(): SpeakingTime {
    return speakingTimeOf(voiceActivity(this.levels.finish()));
  }
}

export const round4 = (value: number): number => Math.round(value * 10_000) / 10_000;
