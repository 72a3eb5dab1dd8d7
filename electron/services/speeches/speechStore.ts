// Owns the member's speeches on disk: one folder per speech holding the audio, its peaks and
// speech.json. Recording and importing stream in as chunks appended (and flushed) to a partial file,
// so a crash loses at most the last chunk; `recover()` turns leftovers into normal speeches at start.
// Deleted speeches wait in the trash for 30 days. Every change is ordered so that a crash between any
// two of its steps loses nothing (see speechFolder.ts and speechTrash.ts).
import { randomUUID } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import { join } from 'node:path';
import type { MethodInput } from '../../../shared/api/contractTypes';
import type { Contract } from '../../../shared/api/contract';
import { LecternError } from '../../../shared/api/errors';
import type { TrashedSpeech } from '../../../shared/api/speechesContract';
import { SpeechMetrics } from '../../../shared/audio/metrics/speechMetrics';
import { mergePeakPairs, peakDataFromJson } from '../../../shared/audio/peaks';
import { Speech, SpeechId, type MediaMimeType } from '../../../shared/domain/speech';
import { syncDir, writeFileAtomic } from '../atomicFile';
import { appendStream } from './appendStream';
import { openImportSource } from './importSource';
import { PreparedImports } from './preparedImports';
import { appendAllOrNothing, nodeSpeechFs, sizeOf, type SpeechFs } from './speechFs';
import {
  mediaFileName,
  completeUpload,
  files,
  finishRemovals,
  holdsAudio,
  prepareAudio,
  readSpeech,
  readUpload,
  removeFolder,
  tidyFolder,
  type Upload,
} from './speechFolder';
import { SpeechTrash } from './speechTrash';

/** A speech may not grow past this (about 4 hours of WAV; days of Opus). */
export const maxSpeechBytes = 2 * 1024 ** 3;

export class SpeechStore {
  private readonly trash: SpeechTrash;
  /** Work on one speech runs one call after another, whatever order the calls arrive in. */
  private readonly queues = new Map<string, Promise<unknown>>();
  private readonly prepared = new PreparedImports();

  constructor(
    private readonly root: string,
    private readonly onChange: () => void = () => {},
    private readonly fs: SpeechFs = nodeSpeechFs,
    /** What time it is: the trash's 30 days are counted with it. */
    private readonly now: () => Date = () => new Date(),
  ) {
    this.trash = new SpeechTrash(root, fs, now);
  }

  async begin(input: MethodInput<Contract, 'speeches.begin'>): Promise<{ speechId: string }> {
    const speechId = randomUUID();
    const dir = this.dir(speechId);
    await this.fs.mkdir(dir, { recursive: true });
    await syncDir(this.root, this.fs);
    // The partial files before upload.json: a folder that is an upload always has them.
    for (const name of [files.partialAudio, files.partialPeaks])
      await (await this.fs.open(join(dir, name), 'w')).close();
    const upload: Upload = { ...input, startedAt: this.now().toISOString() };
    await writeFileAtomic(join(dir, files.upload), JSON.stringify(upload), { fs: this.fs });
    return { speechId };
  }

  /** Adds a chunk (and its peaks) whole or not at all: a failed append leaves no torn chunk behind. */
  append(speechId: string, audio: Uint8Array, peaks?: Uint8Array): Promise<{ audioBytes: number }> {
    return this.serialised(speechId, async () => {
      const dir = await this.openUpload(speechId);
      const audioPath = join(dir, files.partialAudio);
      const size = (await sizeOf(this.fs, audioPath)) ?? 0;
      if (audio.byteLength > 0) await this.prepared.cancel(speechId);
      if (size + audio.byteLength > maxSpeechBytes)
        throw new LecternError('invalid_input', 'errors.too_large');
      await appendAllOrNothing(this.fs, [
        { path: audioPath, bytes: audio },
        ...(peaks && peaks.byteLength > 0 ? [{ path: join(dir, files.partialPeaks), bytes: peaks }] : []),
      ]);
      return { audioBytes: size + audio.byteLength };
    });
  }

  /**
   * Appends a stream of exactly `bytes` to an upload's audio (an imported file, in one go), hashing it
   * as it writes; all or nothing, and refused before a byte is read if it would pass the size limit.
   */
  appendStream(
    speechId: string,
    source: AsyncIterable<Uint8Array>,
    bytes: number,
  ): Promise<{ audioBytes: number }> {
    return this.serialised(speechId, async () => {
      const dir = await this.openUpload(speechId);
      const audioPath = join(dir, files.partialAudio);
      const size = (await sizeOf(this.fs, audioPath)) ?? 0;
      if (size + bytes > maxSpeechBytes) throw new LecternError('invalid_input', 'errors.too_large');
      const appended = await appendStream(this.fs, audioPath, source, bytes);
      // The hash covers the whole partial file only if it was empty before.
      const upload = size === 0 ? await readUpload(this.fs, dir) : undefined;
      if (upload) {
        const noted: Upload = { ...upload, audio: { bytes: appended.bytes, sha256: appended.sha256 } };
        await writeFileAtomic(join(dir, files.upload), JSON.stringify(noted), { fs: this.fs });
      }
      // An import's bytes are all in: finishing's own work (a WebM's remux, measuring) starts now,
      // beside the renderer's decoding, rather than after it.
      if (upload?.source === 'import') {
        const mimeType = upload.mimeType as MediaMimeType;
        this.prepared.start(speechId, (signal) => prepareAudio(this.fs, dir, speechId, mimeType, signal));
      }
      return { audioBytes: size + appended.bytes };
    });
  }

  /**
   * Copies a file the member picked or dropped (named by path: in Electron the bytes never cross IPC)
   * into an upload's audio. Only a regular file of `bytes` bytes is copied (importSource.ts).
   */
  async importFrom(speechId: string, path: string, bytes: number): Promise<{ audioBytes: number }> {
    await this.openUpload(speechId);
    if (bytes > maxSpeechBytes) throw new LecternError('invalid_input', 'errors.too_large');
    const source = await openImportSource(path, bytes);
    try {
      return await this.appendStream(speechId, source.stream, bytes);
    } finally {
      await source.close();
    }
  }

  finish(speechId: string, durationMs?: number): Promise<Speech> {
    return this.serialised(speechId, async () => {
      const dir = await this.openUpload(speechId);
      const upload = await readUpload(this.fs, dir);
      if (!upload) throw new LecternError('not_found', 'errors.not_found', { speechId });
      try {
        if (upload.source === 'import' && !upload.finishing) {
          upload.finishing = true;
          await writeFileAtomic(join(dir, files.upload), JSON.stringify(upload), { fs: this.fs });
        }
        const prepared = await this.prepared.take(speechId);
        const speech = await completeUpload(this.fs, dir, speechId, upload, durationMs, false, prepared);
        this.onChange();
        return speech;
      } catch (error) {
        // A broken import leaves nothing behind (the member still has the original); a recording
        // keeps its bytes for recovery.
        if (upload.source === 'import') await this.removeDir(dir).catch(() => {});
        throw error;
      }
    });
  }

  discard(speechId: string): Promise<null> {
    return this.serialised(speechId, async () => {
      await this.prepared.cancel(speechId);
      await this.removeDir(await this.openUpload(speechId));
      return null;
    });
  }

  /**
   * Finishes every recording a crash left behind, and every import whose `finish` had begun, from
   * whatever audio it holds (finished or partial); completes the last steps of a speech a crash
   * interrupted after its commit. Removed: folders with no audio bytes, and imports still uploading
   * (the member still has the original). A folder it cannot recover is kept for a later version.
   */
  async recover(): Promise<Speech[]> {
    await finishRemovals(this.fs, this.root);
    await this.emptyExpired().catch((error: unknown) =>
      console.error('[lectern] could not empty the expired part of the speech trash:', error),
    );
    const recovered: Speech[] = [];
    for (const id of await this.speechDirs()) {
      try {
        const speech = await this.recoverOne(id);
        if (speech) recovered.push(speech);
      } catch (error) {
        console.error(`[lectern] could not recover speech ${id}:`, error);
      }
    }
    if (recovered.length > 0) this.onChange();
    return recovered;
  }

  async list(): Promise<Speech[]> {
    const speeches: Speech[] = [];
    for (const id of await this.speechDirs()) {
      const speech = await this.read(id).catch(() => undefined);
      if (speech) speeches.push(speech);
    }
    return speeches.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  }

  async get(speechId: string): Promise<Speech> {
    return this.read(speechId).catch(() => {
      throw new LecternError('not_found', 'errors.not_found', { speechId });
    });
  }

  /** The stored peaks; with `maxPairs`, merged down to at most that many (see `mergePeakPairs`). */
  async peaks(
    speechId: string,
    maxPairs = Infinity,
  ): Promise<{ sampleRate: number; samplesPerPixel: number; data: Uint8Array<ArrayBuffer> }> {
    const speech = await this.get(speechId);
    const json = await this.fs.readFile(join(this.dir(speechId), files.peaks));
    const data =
      peakDataFromJson(json) ??
      Int8Array.from((JSON.parse(json.toString('utf8')) as { data: number[] }).data);
    const { pairs, step } = mergePeakPairs(data, maxPairs);
    return {
      sampleRate: speech.peaks.sampleRate,
      samplesPerPixel: speech.peaks.samplesPerPixel * step,
      data: new Uint8Array(pairs.buffer),
    };
  }

  async update(speechId: string, change: MethodInput<Contract, 'speeches.update'>): Promise<Speech> {
    return this.serialised(speechId, async () => {
      const speech = await this.get(speechId);
      const next = Speech.parse({
        ...speech,
        ...(change.title === undefined ? {} : { title: change.title }),
        ...(change.tags === undefined ? {} : { tags: [...new Set(change.tags)] }),
        ...(change.target === undefined ? {} : { target: change.target ?? undefined }),
        ...(change.language === undefined ? {} : { language: change.language }),
      });
      await writeFileAtomic(join(this.dir(speechId), files.speech), JSON.stringify(next, null, 2), {
        fs: this.fs,
      });
      this.onChange();
      return next;
    });
  }

  /** The speech's delivery metrics; null while there are none (or what is kept no longer parses). */
  async metrics(speechId: string): Promise<SpeechMetrics | null> {
    await this.get(speechId);
    const json = await this.fs.readFile(join(this.dir(speechId), files.metrics)).catch(() => undefined);
    if (!json) return null;
    try {
      return SpeechMetrics.parse(JSON.parse(json.toString('utf8')));
    } catch {
      return null;
    }
  }

  /** Keeps metrics computed from the speech's audio (the API has validated them). */
  saveMetrics(speechId: string, metrics: SpeechMetrics): Promise<null> {
    return this.serialised(speechId, async () => {
      await this.get(speechId);
      await writeFileAtomic(join(this.dir(speechId), files.metrics), JSON.stringify(metrics), {
        fs: this.fs,
      });
      return null;
    });
  }

  /** Keeps a video speech's poster frame and notes it in speech.json. */
  savePoster(speechId: string, jpeg: Uint8Array): Promise<Speech> {
    return this.serialised(speechId, async () => {
      const speech = await this.get(speechId);
      if (!speech.video) throw new LecternError('invalid_input', 'errors.notAVideo');
      await writeFileAtomic(join(this.dir(speechId), files.poster), jpeg, { fs: this.fs });
      const next = { ...speech, video: { ...speech.video, poster: true } };
      await writeFileAtomic(join(this.dir(speechId), files.speech), JSON.stringify(next, null, 2), {
        fs: this.fs,
      });
      this.onChange();
      return next;
    });
  }

  async freeSpace(): Promise<{ freeBytes: number }> {
    // A new data folder has no speeches folder until its first speech; the Record screen asks before that.
    await this.fs.mkdir(this.root, { recursive: true });
    const stats = await statfs(this.root);
    return { freeBytes: stats.bavail * stats.bsize };
  }

  /** Moves the speech to the trash, from which `restore` brings it back for 30 days. */
  delete(speechId: string): Promise<null> {
    return this.serialised(speechId, async () => {
      await this.get(speechId);
      await this.trash.park(speechId, this.dir(speechId));
      this.onChange();
      return null;
    });
  }

  /** Brings a speech back from the trash, never over anything in the library with its id. */
  restore(speechId: string): Promise<Speech> {
    return this.serialised(speechId, async () => {
      const dir = this.dir(speechId);
      await this.trash.unpark(speechId, dir);
      const speech = await this.get(speechId);
      this.onChange();
      await this.trash.forgetDeletion(dir);
      return speech;
    });
  }

  /**
   * The speeches in the trash, the most recently deleted first, each with when it was deleted and
   * when it goes for good. Those whose 30 days are over are removed first.
   */
  async listTrash(): Promise<TrashedSpeech[]> {
    await this.emptyExpired();
    return this.trash.list();
  }

  /** Removes one speech from the trash for good. */
  deleteForever(speechId: string): Promise<null> {
    return this.serialised(speechId, async () => {
      if (!(await this.trash.remove(speechId)))
        throw new LecternError('not_found', 'errors.not_found', { speechId });
      this.onChange();
      return null;
    });
  }

  /**
   * Removes for good the speeches the member saw in the trash when they chose to empty it (one
   * deleted since then stays). Each goes whole, one after another: a crash midway leaves the rest.
   */
  async emptyTrash(speechIds: readonly string[]): Promise<{ removed: number }> {
    let removed = 0;
    for (const speechId of speechIds) {
      if (await this.serialised(speechId, () => this.trash.remove(speechId))) removed++;
    }
    if (removed > 0) this.onChange();
    return { removed };
  }

  /** The finished audio file of a speech, for serving with Range requests. */
  async mediaFile(speechId: string): Promise<{ path: string; mimeType: MediaMimeType } | undefined> {
    if (!SpeechId.safeParse(speechId).success) return undefined;
    const speech = await this.read(speechId).catch(() => undefined);
    return (
      speech && { path: join(this.dir(speechId), mediaFileName(speech.mimeType)), mimeType: speech.mimeType }
    );
  }

  /** A video speech's poster frame, for serving; undefined while it has none. */
  async posterFile(speechId: string): Promise<{ path: string; mimeType: string } | undefined> {
    if (!SpeechId.safeParse(speechId).success) return undefined;
    const speech = await this.read(speechId).catch(() => undefined);
    return speech?.video?.poster
      ? { path: join(this.dir(speechId), files.poster), mimeType: 'image/jpeg' }
      : undefined;
  }

  private async recoverOne(id: string): Promise<Speech | undefined> {
    const dir = this.dir(id);
    if ((await sizeOf(this.fs, join(dir, files.speech))) !== undefined) {
      // Committed. A damaged speech.json is left as it is; a good one may still have leftovers.
      const speech = await this.read(id).catch(() => undefined);
      if (speech) await tidyFolder(this.fs, dir, speech.mimeType);
      return undefined;
    }
    const upload = await readUpload(this.fs, dir);
    const uploading = upload?.source === 'import' && !upload.finishing;
    if (uploading || !(await holdsAudio(this.fs, dir))) {
      await this.removeDir(dir);
      return undefined;
    }
    // upload.json is written before any audio and removed only after speech.json: without it,
    // this folder was not made by this store. Keep the bytes.
    if (!upload) throw new Error('audio without upload.json or speech.json; left as it is');
    return completeUpload(this.fs, dir, id, upload, undefined, true);
  }

  /** Removes a folder so that a crash midway never leaves half of it looking like a speech. */
  private removeDir(dir: string): Promise<void> {
    return removeFolder(this.fs, this.root, dir);
  }

  /** Removes the speeches deleted more than 30 days ago. */
  private async emptyExpired(): Promise<void> {
    let removed = 0;
    for (const id of await this.trash.ids()) {
      if (await this.serialised(id, () => this.trash.expire(id))) removed++;
    }
    if (removed > 0) this.onChange();
  }

  /** The folder of an upload still in progress (begun, not yet a speech). */
  private async openUpload(speechId: string): Promise<string> {
    const dir = this.dir(speechId);
    const inProgress =
      (await sizeOf(this.fs, join(dir, files.upload))) !== undefined &&
      (await sizeOf(this.fs, join(dir, files.speech))) === undefined;
    if (!inProgress) throw new LecternError('not_found', 'errors.not_found', { speechId });
    return dir;
  }

  private read(speechId: string): Promise<Speech> {
    return readSpeech(this.fs, this.dir(speechId));
  }

  private dir(speechId: string): string {
    return join(this.root, SpeechId.parse(speechId));
  }

  private async speechDirs(): Promise<string[]> {
    const names = await this.fs.readdir(this.root).catch(() => [] as string[]);
    return names.filter((name) => SpeechId.safeParse(name).success);
  }

  private serialised<T>(speechId: string, work: () => Promise<T>): Promise<T> {
    const previous = this.queues.get(speechId) ?? Promise.resolve();
    const next = previous.then(work, work);
    this.queues.set(
      speechId,
      next.catch(() => undefined),
    );
    return next;
  }
}
