// All the delivery metrics of a speech in one pass over its decoded audio: three front ends see every
// sample (the 10 ms power track, the K-weighted loudness meter, the pitch tracker), and the metrics
// are folds over what they keep. Memory stays a few megabytes for an hour, whatever the chunk sizes.
import type { SpeechAnalyser } from './analyser';
import { seconds } from './analyser';
import { FrameLevels } from './frameLevels';
import { LoudnessAnalyser } from './loudness';
import { pausesOf } from './pauses';
import { pitchOf } from './pitch';
import { PitchTracker } from './pitchTracker';
import { speakingTimeOf } from './speakingTime';
import type { SpeechMetrics } from './speechMetrics';
import { speechMetricsVersion } from './speechMetrics';
import { speechRateOf, syllableNuclei } from './speechRate';
import { voiceActivity } from './voiceActivity';

export class SpeechMetricsAnalyser implements SpeechAnalyser<SpeechMetrics> {
  private readonly levels: FrameLevels;
  private readonly loudness: LoudnessAnalyser;
  private readonly pitch: PitchTracker;

  constructor(readonly sampleRate: number) {
    this.levels = new FrameLevels(sampleRate);
    this.loudness = new LoudnessAnalyser(sampleRate);
    this.pitch = new PitchTracker(sampleRate);
  }

  push(samples: Float32Array): void {
    this.levels.push(samples);
    this.loudness.push(samples);
    this.pitch.push(samples);
  }

  finish(): SpeechMetrics {
    const levels = this.levels.finish();
    const pitchTrack = this.pitch.finish();
    const activity = voiceActivity(levels);
    return {
      version: speechMetricsVersion,
      durationSec: seconds(levels.durationSec),
      speakingTime: speakingTimeOf(activity),
      pauses: pausesOf(activity),
      loudness: this.loudness.finish(),
      pitch: pitchOf(pitchTrack),
      speechRate: speechRateOf(syllableNuclei(levels, pitchTrack), activity),
    };
  }
}

/** Runs every analyser over a stream of mono chunks (from a decoder, a worker, a test). */
export async function analyseSpeech(
  chunks: AsyncIterable<Float32Array> | Iterable<Float32Array>,
  sampleRate: number,
): Promise<SpeechMetrics> {
  const analyser = new SpeechMetricsAnalyser(sampleRate);
  for await (const chunk of chunks) analyser.push(chunk);
  return analyser.finish();
}
