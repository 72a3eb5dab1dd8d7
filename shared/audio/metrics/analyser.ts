// What every speech analyser is: fed mono samples in chunks of any size as they are decoded, never the
// whole recording at once, then asked once for its result.

export interface SpeechAnalyser<Result> {
  /** Mono samples in [-1, 1], in order; a chunk may be any length, even empty. */
  push(samples: Float32Array): void;
  /** The result for everything pushed. Call once, after the last push. */
  finish(): Result;
}

/** Seconds between the frames of every per-frame track (levels, pitch): 10 ms. */
export const frameSeconds = 0.01;

/** The first sample of frame `k` at this rate: frames are 10 ms long, rounded to whole samples. */
export function frameStart(k: number, sampleRate: number): number {
  return Math.round(k * frameSeconds * sampleRate);
}

/** Seconds, rounded to milliseconds: what results report. */
export const seconds = (value: number): number => Math.round(value * 1000) / 1000;
