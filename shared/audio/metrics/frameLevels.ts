// The signal's power every 10 ms (mean square of each frame): the track that silence, pauses and
// syllable nuclei are found in. Also counts the samples, so it knows the duration exactly.
import type { SpeechAnalyser } from './analyser';
import { frameStart } from './analyser';
import { Track } from './track';

export interface FrameLevelTrack {
  /** Mean square of each 10 ms frame (the last may be shorter). */
  power: Float32Array;
  durationSec: number;
}

export class FrameLevels implements SpeechAnalyser<FrameLevelTrack> {
  private readonly track = new Track();
  /** Samples pushed so far. */
  private samples = 0;
  /** Sum of squares of the current frame, and where it started and ends (in samples). */
  private sum = 0;
  private frameBegin = 0;
  private frameEnd: number;

  constructor(readonly sampleRate: number) {
    assertSampleRate(sampleRate);
    this.frameEnd = frameStart(1, sampleRate);
  }

  push(samples: Float32Array): void {
    let i = 0;
    while (i < samples.length) {
      const take = Math.min(samples.length - i, this.frameEnd - this.samples);
      const stop = i + take;
      let sum = this.sum;
      for (; i < stop; i++) sum += samples[i]! * samples[i]!;
      this.sum = sum;
      this.samples += take;
      if (this.samples === this.frameEnd) this.closeFrame();
    }
  }

  finish(): FrameLevelTrack {
    if (this.samples > this.frameBegin) this.closeFrame();
    return { power: this.track.values(), durationSec: this.samples / this.sampleRate };
  }

  private closeFrame(): void {
    this.track.push(this.sum / (this.samples - this.frameBegin));
    this.sum = 0;
    this.frameBegin = this.samples;
    this.frameEnd = frameStart(this.track.length + 1, this.sampleRate);
  }
}

export function assertSampleRate(sampleRate: number): void {
  if (!(sampleRate >= 1000 && sampleRate <= 384_000)) throw new RangeError(`sample rate ${sampleRate}`);
}
