// One speech's folder: its layout, the crash-ordered step that turns an upload in it into a speech
// (`completeUpload`), which `finish` runs and `recover()` re-runs after a crash, and its removal.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { LecternError } from '../../../shared/api/errors';
import { peaksFromBytes } from '../../../shared/audio/peaks';
import {
  isVideo,
  mediaFormats,
  Speech,
  SpeechLanguage,
  speechFormatVersion,
  type MediaMimeType,
} from '../../../shared/domain/speech';
import { renameNoReplace, syncDir, writeFileAtomic } from '../atomicFile';
import { finishWebm, measureMedia } from './finishWebm';
import { sizeOf, type SpeechFs } from './speechFs';
import { webmIsSeekable } from './webmSeekable';

export const Upload = z.object({
  source: z.enum(['recording', 'import']),
  mimeType: z.string(),
  title: z.string(),
  originalName: z.string().optional(),
  target: z.object({ minSeconds: z.number(), maxSeconds: z.number() }).optional(),
  language: SpeechLanguage.optional(),
  sampleRate: z.number(),
  samplesPerPixel: z.number(),
  startedAt: z.string(),
  /** Set when `finish` begins on an import: every byte has arrived, so a crash must not drop it. */
  finishing: z.literal(true).optional(),
  /**
   * The partial audio's length and SHA-256, taken as it streamed in whole (appendStream.ts), so a
   * finish that keeps those bytes as they are need not read them again. Stale once the length differs.
   */
  audio: z.object({ bytes: z.number(), sha256: z.string().regex(/^[0-9a-f]{64}$/) }).optional(),
});
export type Upload = z.infer<typeof Upload>;

export const files = {
  speech: 'speech.json',
  upload: 'upload.json',
  partialAudio: 'audio.partial',
  partialPeaks: 'peaks.partial',
  peaks: 'peaks.json',
  /** The delivery metrics the renderer computed from the audio (SpeechMetrics); absent until then. */
  metrics: 'metrics.json',
  /** A video speech's poster frame (JPEG), drawn by the renderer; absent until then. */
  poster: 'poster.jpg',
  /** In a speech in the trash: when it was deleted. Written before the folder moves there. */
  trashed: 'trashed.json',
};

/** A folder on its way out: renamed to this (not a speech id) first, so half of it never looks like a speech. */
const removingPrefix = '.removing-';

/** Names that hold a speech's audio (or video) bytes, partial or finished. */
const audioNames = new Set([
  files.partialAudio,
  ...Object.entries(mediaFormats).map(([mimeType, ext]) => mediaFileName(mimeType as MediaMimeType, ext)),
]);

export function mediaFileName(mimeType: MediaMimeType, ext = mediaFormats[mimeType]): string {
  return `${isVideo(mimeType) ? 'video' : 'audio'}.${ext}`;
}

export async function readUpload(fs: SpeechFs, dir: string): Promise<Upload | undefined> {
  try {
    return Upload.parse(JSON.parse((await fs.readFile(join(dir, files.upload))).toString('utf8')));
  } catch {
    return undefined;
  }
}

export async function readSpeech(fs: SpeechFs, dir: string): Promise<Speech> {
  const json = await fs.readFile(join(dir, files.speech));
  return Speech.parse(JSON.parse(json.toString('utf8')));
}

export async function holdsAudio(fs: SpeechFs, dir: string): Promise<boolean> {
  for (const name of await fs.readdir(dir).catch(() => [] as string[])) {
    if (audioNames.has(name) && ((await sizeOf(fs, join(dir, name))) ?? 0) > 0) return true;
  }
  return false;
}

/**
 * Turns the upload in `dir` into a speech. The order makes a crash between any two steps harmless:
 * 1. the finished audio appears under its final name in one atomic step, and nothing removes it
 *    afterwards (see `finishAudio`);
 * 2. peaks.json, derived from peaks.partial, which stays until 4;
 * 3. speech.json, written atomically and never over an existing one: the commit point;
 * 4. then upload.json and the partial files, now redundant (`tidyFolder`).
 * Before 3, `recover()` finds upload.json and audio and runs this again, reusing the finished audio
 * if 1 was done; after 3 it only redoes 4.
 */
export async function completeUpload(
  fs: SpeechFs,
  dir: string,
  speechId: string,
  upload: Upload,
  durationMs: number | undefined,
  recovering: boolean,
  prepared?: PreparedAudio,
): Promise<Speech> {
  const mimeType = upload.mimeType as MediaMimeType;
  const audioPath = join(dir, mediaFileName(mimeType));
  const finished = await finishAudio(fs, speechId, mimeType, audioPath, prepared);
  const measured =
    finished !== 'found' && prepared
      ? prepared.measured
      : await decoding(speechId, () => measureMedia(audioPath));
  const peakBytes = await fs.readFile(join(dir, files.partialPeaks)).catch(() => new Uint8Array());
  const peaks = peaksFromBytes(peakBytes, upload.sampleRate, upload.samplesPerPixel);
  await writeFileAtomic(join(dir, files.peaks), JSON.stringify(peaks), { fs });
  const { size, sha256 } = await hashOf(
    fs,
    audioPath,
    finished === 'kept' || (finished === 'found' && mediaFormats[mimeType] !== 'webm'),
    upload.audio,
  );
  const speech = Speech.parse({
    format: speechFormatVersion,
    id: speechId,
    title: upload.title,
    createdAt: upload.startedAt,
    durationMs: measured.durationMs > 0 ? measured.durationMs : (durationMs ?? 0),
    mimeType,
    byteSize: size,
    sha256,
    source: recovering ? 'recovered' : upload.source,
    ...(upload.originalName ? { originalName: upload.originalName } : {}),
    ...(upload.target ? { target: upload.target } : {}),
    ...(upload.language ? { language: upload.language } : {}),
    tags: [],
    peaks: { sampleRate: upload.sampleRate, samplesPerPixel: upload.samplesPerPixel },
    ...(measured.video && isVideo(mimeType) ? { video: { ...measured.video, poster: false } } : {}),
  });
  await writeFileAtomic(join(dir, files.speech), JSON.stringify(speech, null, 2), { fs, overwrite: false });
  // Committed: a failure from here on leaves only leftovers, which the next `recover()` removes.
  await tidyFolder(fs, dir, mimeType).catch((error: unknown) =>
    console.error(`[lectern] speech ${speechId} is saved; its leftovers stay until the next start:`, error),
  );
  return speech;
}

/** What main makes of an import's audio as soon as all of it has arrived, while the renderer still decodes. */
export interface PreparedAudio {
  /** The remuxed WebM, flushed, under a temporary name; null when the partial file is kept as it is. */
  remuxed: string | null;
  measured: Awaited<ReturnType<typeof measureMedia>>;
}

/**
 * Remuxes the upload's audio in `dir` if it needs it and measures it, touching nothing `finish` or
 * `recover()` rely on (only the remux's temporary, which both remove before they remux): so it can run
 * before `finish` is called, and `finish` then only moves the result into place.
 */
export async function prepareAudio(
  fs: SpeechFs,
  dir: string,
  speechId: string,
  mimeType: MediaMimeType,
  signal?: AbortSignal,
): Promise<PreparedAudio> {
  const partial = join(dir, files.partialAudio);
  const remuxed = (await needsRemux(partial, mimeType))
    ? await remux(fs, speechId, mimeType, partial, remuxTemporary(join(dir, mediaFileName(mimeType))), signal)
    : null;
  try {
    signal?.throwIfAborted();
    return { remuxed, measured: await decoding(speechId, () => measureMedia(remuxed ?? partial)) };
  } catch (error) {
    if (remuxed) await fs.rm(remuxed, { force: true }).catch(() => {});
    throw error;
  }
}

/**
 * Puts the finished audio at `audioPath` in one atomic step, unless an interrupted earlier run did
 * ('found'): a WebM without duration or cues is remuxed to a temporary file, flushed, then linked in
 * (never over an existing file: 'remuxed'); any other file is the partial file itself, moved there
 * ('kept'). Either way the bytes always have a name. `prepared` is that work done ahead (prepareAudio).
 */
async function finishAudio(
  fs: SpeechFs,
  speechId: string,
  mimeType: MediaMimeType,
  audioPath: string,
  prepared: PreparedAudio | undefined,
): Promise<'found' | 'kept' | 'remuxed'> {
  const finished = await sizeOf(fs, audioPath);
  if (finished !== undefined && finished > 0) return 'found';
  // An empty file there holds no audio: a name reserved where hard links are missing (renameNoReplace).
  if (finished === 0) await fs.unlink(audioPath);
  const partial = join(dirname(audioPath), files.partialAudio);
  const remuxed = prepared
    ? prepared.remuxed
    : (await needsRemux(partial, mimeType))
      ? await remux(fs, speechId, mimeType, partial, remuxTemporary(audioPath))
      : null;
  if (!remuxed) {
    await renameNoReplace(partial, audioPath, fs);
    return 'kept';
  }
  try {
    await renameNoReplace(remuxed, audioPath, fs);
  } catch (error) {
    await fs.rm(remuxed, { force: true }).catch(() => {});
    throw error;
  }
  return 'remuxed';
}

const remuxTemporary = (audioPath: string) => `${audioPath}.remux.tmp`;

/** A WebM needs remuxing unless it already states its duration and has cues (a finished file). */
async function needsRemux(partial: string, mimeType: MediaMimeType): Promise<boolean> {
  return mediaFormats[mimeType] === 'webm' && !(await webmIsSeekable(partial).catch(() => false));
}

/** Remuxes `partial` into `remuxed`, flushed; on failure nothing of it is left. */
async function remux(
  fs: SpeechFs,
  speechId: string,
  mimeType: MediaMimeType,
  partial: string,
  remuxed: string,
  signal?: AbortSignal,
): Promise<string> {
  await fs.rm(remuxed, { force: true });
  try {
    await decoding(speechId, () => finishWebm(partial, remuxed, { keepVideo: isVideo(mimeType), signal }));
    const handle = await fs.open(remuxed, 'a');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    return remuxed;
  } catch (error) {
    await fs.rm(remuxed, { force: true }).catch(() => {});
    throw error;
  }
}

/**
 * Removes what a finished speech in the library no longer needs: upload.json, the partial files,
 * temporaries, and the trash's note (left by a crash in deleting or restoring).
 */
export async function tidyFolder(fs: SpeechFs, dir: string, mimeType: MediaMimeType): Promise<void> {
  if (!(await sizeOf(fs, join(dir, mediaFileName(mimeType))))) return;
  const leftovers = (await fs.readdir(dir))
    .filter(
      (name) =>
        name === files.upload ||
        name === files.partialAudio ||
        name === files.partialPeaks ||
        name === files.trashed ||
        name.endsWith('.tmp'),
    )
    // upload.json first: from then on the folder is no longer an upload.
    .sort((a, b) => Number(b === files.upload) - Number(a === files.upload));
  if (leftovers.length === 0) return;
  for (const name of leftovers) await fs.rm(join(dir, name), { force: true });
  await syncDir(dir, fs);
}

/**
 * Removes a folder (under `root`, or in a folder under it) so that a crash midway never leaves half of
 * it looking like a speech: renamed out of sight first, then deleted; `finishRemovals` ends the rest.
 */
export async function removeFolder(fs: SpeechFs, root: string, dir: string): Promise<void> {
  const doomed = join(root, `${removingPrefix}${randomUUID()}`);
  try {
    await fs.rename(dir, doomed);
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return;
    throw error;
  }
  await syncDir(dirname(dir), fs);
  await fs.rm(doomed, { recursive: true, force: true });
}

/** Finishes removals a crash interrupted. */
export async function finishRemovals(fs: SpeechFs, root: string): Promise<void> {
  const names = await fs.readdir(root).catch(() => [] as string[]);
  for (const name of names.filter((n) => n.startsWith(removingPrefix)))
    await fs.rm(join(root, name), { recursive: true, force: true });
}

/** Runs a decoder: its failures mean the audio is unreadable, but a disk error stays a disk error. */
async function decoding<T>(speechId: string, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (typeof (error as { code?: unknown } | null)?.code === 'string') throw error;
    throw new LecternError('invalid_input', 'errors.unreadableAudio', { speechId });
  }
}

/**
 * The finished audio's size and hash: as taken while it streamed in, when finishing kept those bytes as
 * they were (`kept`: not remuxed) and their length still matches; else read again.
 */
async function hashOf(
  fs: SpeechFs,
  audioPath: string,
  kept: boolean,
  streamed: Upload['audio'],
): Promise<{ size: number; sha256: string }> {
  if (streamed && kept && (await sizeOf(fs, audioPath)) === streamed.bytes)
    return { size: streamed.bytes, sha256: streamed.sha256 };
  return hashFile(audioPath);
}

/** Reads straight from disk (not through the port): hashing changes nothing there. */
async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}
