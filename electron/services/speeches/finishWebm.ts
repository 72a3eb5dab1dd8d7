// MediaRecorder writes WebM with no duration and no cues, so players cannot seek it well. Remuxing
// (packets copied, nothing re-encoded) writes both. A partial file from a crash remuxes the same way,
// up to its last whole block.
import { rename, rm } from 'node:fs/promises';
import {
  ALL_FORMATS,
  Conversion,
  FilePathSource,
  FilePathTarget,
  Input,
  Output,
  WebMOutputFormat,
} from 'mediabunny';

/** Remuxes `source` into a seekable WebM at `destination`; returns its duration in milliseconds. */
export async function finishWebm(source: string, destination: string): Promise<number> {
  const temporary = `${destination}.remux.tmp`;
  const input = new Input({ source: new FilePathSource(source), formats: ALL_FORMATS });
  try {
    const output = new Output({ format: new WebMOutputFormat(), target: new FilePathTarget(temporary) });
    const conversion = await Conversion.init({ input, output, video: { discard: true } });
    if (!conversion.isValid) throw new Error(`cannot remux: ${JSON.stringify(conversion.discardedTracks)}`);
    await conversion.execute();
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  } finally {
    input.dispose();
  }
  await rename(temporary, destination);
  return audioDurationMs(destination);
}

export async function audioDurationMs(path: string): Promise<number> {
  const input = new Input({ source: new FilePathSource(path), formats: ALL_FORMATS });
  try {
    return Math.round((await input.computeDuration()) * 1000);
  } finally {
    input.dispose();
  }
}
