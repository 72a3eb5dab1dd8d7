// MediaRecorder writes WebM with no duration and no cues, so players cannot seek it well. Remuxing
// (packets copied, nothing re-encoded: main has no codecs) writes both. A partial file from a crash
// remuxes the same way, up to its last whole block. A WebM that has both already is kept as it is
// (webmSeekable.ts).
import {
  ALL_FORMATS,
  Conversion,
  FilePathSource,
  FilePathTarget,
  Input,
  Output,
  WebMOutputFormat,
} from 'mediabunny';

/**
 * Remuxes `source` into a seekable WebM written at `destination`, which should be a temporary name:
 * the caller flushes it and moves it into place (a crash here leaves only that temporary behind).
 */
export async function finishWebm(
  source: string,
  destination: string,
  { keepVideo, signal }: { keepVideo: boolean; signal?: AbortSignal },
): Promise<void> {
  signal?.throwIfAborted();
  const input = new Input({ source: new FilePathSource(source), formats: ALL_FORMATS });
  try {
    const output = new Output({ format: new WebMOutputFormat(), target: new FilePathTarget(destination) });
    const conversion = await Conversion.init({ input, output, video: { discard: !keepVideo } });
    if (!conversion.isValid) throw new Error(`cannot remux: ${JSON.stringify(conversion.discardedTracks)}`);
    const cancel = () => void conversion.cancel();
    signal?.addEventListener('abort', cancel, { once: true });
    try {
      await conversion.execute();
    } finally {
      signal?.removeEventListener('abort', cancel);
    }
    signal?.throwIfAborted();
  } finally {
    input.dispose();
  }
}

/** A finished file's duration, and its picture's displayed size when it has one. */
export async function measureMedia(
  path: string,
): Promise<{ durationMs: number; video?: { width: number; height: number } }> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    const durationMs = Math.round((await input.computeDuration()) * 1000);
    const track = await input.getPrimaryVideoTrack();
    if (!track || track.displayWidth < 1 || track.displayHeight < 1) return { durationMs };
    return { durationMs, video: { width: track.displayWidth, height: track.displayHeight } };
  } finally {
    input.dispose();
  }
}
