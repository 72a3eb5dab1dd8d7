// Owns the member's speeches on disk: one folder per speech holding the audio, its peaks and
// speech.json. Recording and importing stream in as chunks appended (and flushed) to a partial file,
// so a crash loses at most the last chunk; `recover()` turns leftovers into normal speeches at start.
import { createHash, randomUUID } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { appendFile, mkdir, open, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import type { MethodInput } from '../../../shared/api/contractTypes';
import type { Contract } from '../../../shared/api/contract';
import { LecternError } from '../../../shared/api/errors';
import { peakDataFromJson, peaksFromBytes } from '../../../shared/audio/peaks';
import {
  audioFormats,
  Speech,
  SpeechId,
  speechFormatVersion,
  type AudioMimeType,
} from '../../../shared/domain/speech';
import { writeFileAtomic } from '../atomicFile';
import { audioDurationMs, finishWebm } from './finishWebm';

/** A speech may not grow past this (about 4 hours of WAV; days of Opus). */
export const maxSpeechBytes = 2 * 1024 ** 3;

const Upload = z.object({
  source: z.enum(['recording', 'import']),
  mimeType: z.string(),
  title: z.string(),
  originalName: z.string().optional(),
  target: z.object({ minSeconds: z.number(), maxSeconds: z.number() }).optional(),
  sampleRate: z.number(),
  samplesPerPixel: z.number(),
  startedAt: z.string(),
});
type Upload = z.infer<typeof Upload>;

const files = {
  speech: 'speech.json',
  upload: 'upload.json',
  partialAudio: 'audio.partial',
  partialPeaks: 'peaks.partial',
  peaks: 'peaks.json',
};

export class SpeechStore {
  private readonly trash: string;
  /** Appends to one speech run one after another, whatever order the calls arrive in. */
  private readonly queues = new Map<string, Promise<unknown>>();

  constructor(
    private readonly root: string,
    private readonly onChange: () => void = () => {},
  ) {
    this.trash = join(root, '.trash');
  }

  async begin(input: MethodInput<Contract, 'speeches.begin'>): Promise<{ speechId: string }> {
    const speechId = randomUUID();
    const dir = this.dir(speechId);
    await mkdir(dir, { recursive: true });
    const upload: Upload = { ...input, startedAt: new Date().toISOString() };
    await writeFileAtomic(join(dir, files.upload), JSON.stringify(upload));
    await writeFile(join(dir, files.partialAudio), new Uint8Array());
    await writeFile(join(dir, files.partialPeaks), new Uint8Array());
    return { speechId };
  }

  append(speechId: string, audio: Uint8Array, peaks?: Uint8Array): Promise<{ audioBytes: number }> {
    return this.serialised(speechId, async () => {
      const dir = await this.openUpload(speechId);
      const audioPath = join(dir, files.partialAudio);
      const size = (await stat(audioPath)).size;
      if (size + audio.byteLength > maxSpeechBytes)
        throw new LecternError('invalid_input', 'errors.too_large');
      await appendDurably(audioPath, audio);
      if (peaks && peaks.byteLength > 0) await appendFile(join(dir, files.partialPeaks), peaks);
      return { audioBytes: size + audio.byteLength };
    });
  }

  finish(speechId: string, durationMs?: number): Promise<Speech> {
    return this.serialised(speechId, async () => {
      const dir = await this.openUpload(speechId);
      const upload = await readUpload(dir);
      try {
        const speech = await this.complete(speechId, durationMs, false);
        this.onChange();
        return speech;
      } catch (error) {
        // A broken import leaves nothing behind (the member still has the original); a recording
        // keeps its bytes for recovery.
        if (upload?.source === 'import') await rm(dir, { recursive: true, force: true });
        throw error;
      }
    });
  }

  discard(speechId: string): Promise<null> {
    return this.serialised(speechId, async () => {
      await this.openUpload(speechId);
      await rm(this.dir(speechId), { recursive: true, force: true });
      return null;
    });
  }

  /** Finishes every recording a crash left behind; drops unfinished imports (the original is elsewhere). */
  async recover(): Promise<Speech[]> {
    const recovered: Speech[] = [];
    for (const id of await this.speechDirs()) {
      const dir = this.dir(id);
      if (await exists(join(dir, files.speech))) continue;
      const upload = await readUpload(dir);
      const size = await stat(join(dir, files.partialAudio)).then(
        (s) => s.size,
        () => 0,
      );
      if (!upload || upload.source !== 'recording' || size === 0) {
        await rm(dir, { recursive: true, force: true });
        continue;
      }
      try {
        recovered.push(await this.complete(id, undefined, true));
      } catch (error) {
        // Keep the bytes: a later version may recover what this one cannot.
        console.error(`[lectern] could not recover recording ${id}:`, error);
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

  async peaks(
    speechId: string,
  ): Promise<{ sampleRate: number; samplesPerPixel: number; data: Uint8Array<ArrayBuffer> }> {
    const speech = await this.get(speechId);
    const json = await readFile(join(this.dir(speechId), files.peaks));
    const data =
      peakDataFromJson(json) ??
      Int8Array.from((JSON.parse(json.toString('utf8')) as { data: number[] }).data);
    return {
      sampleRate: speech.peaks.sampleRate,
      samplesPerPixel: speech.peaks.samplesPerPixel,
      data: new Uint8Array(data.buffer),
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
      });
      await writeFileAtomic(join(this.dir(speechId), files.speech), JSON.stringify(next, null, 2));
      this.onChange();
      return next;
    });
  }

  /** Moves the speech to the trash folder, from which `restore` brings it back. */
  async delete(speechId: string): Promise<null> {
    await this.get(speechId);
    await mkdir(this.trash, { recursive: true });
    await rm(join(this.trash, speechId), { recursive: true, force: true });
    await rename(this.dir(speechId), join(this.trash, speechId));
    this.onChange();
    return null;
  }

  async restore(speechId: string): Promise<Speech> {
    SpeechId.parse(speechId);
    if (!(await exists(join(this.trash, speechId))))
      throw new LecternError('not_found', 'errors.not_found', { speechId });
    await rename(join(this.trash, speechId), this.dir(speechId));
    this.onChange();
    return this.get(speechId);
  }

  /** The finished audio file of a speech, for serving with Range requests. */
  async audioFile(speechId: string): Promise<{ path: string; mimeType: AudioMimeType } | undefined> {
    if (!SpeechId.safeParse(speechId).success) return undefined;
    const speech = await this.read(speechId).catch(() => undefined);
    return (
      speech && { path: join(this.dir(speechId), audioFileName(speech.mimeType)), mimeType: speech.mimeType }
    );
  }

  private async complete(
    speechId: string,
    durationMs: number | undefined,
    recovering: boolean,
  ): Promise<Speech> {
    const dir = await this.openUpload(speechId);
    const upload = (await readUpload(dir))!;
    const mimeType = upload.mimeType as AudioMimeType;
    const audioPath = join(dir, audioFileName(mimeType));
    let measuredMs: number;
    try {
      if (mimeType === 'audio/webm') {
        measuredMs = await finishWebm(join(dir, files.partialAudio), audioPath);
        await rm(join(dir, files.partialAudio));
      } else {
        await rename(join(dir, files.partialAudio), audioPath);
        measuredMs = await audioDurationMs(audioPath);
      }
    } catch {
      throw new LecternError('invalid_input', 'errors.unreadableAudio', { speechId });
    }
    const peakBytes = await readFile(join(dir, files.partialPeaks));
    const peaks = peaksFromBytes(peakBytes, upload.sampleRate, upload.samplesPerPixel);
    await writeFileAtomic(join(dir, files.peaks), JSON.stringify(peaks));
    const { size, sha256 } = await hashFile(audioPath);
    const speech = Speech.parse({
      format: speechFormatVersion,
      id: speechId,
      title: upload.title,
      createdAt: upload.startedAt,
      durationMs: measuredMs > 0 ? measuredMs : (durationMs ?? 0),
      mimeType,
      byteSize: size,
      sha256,
      source: recovering ? 'recovered' : upload.source,
      ...(upload.originalName ? { originalName: upload.originalName } : {}),
      ...(upload.target ? { target: upload.target } : {}),
      tags: [],
      peaks: { sampleRate: upload.sampleRate, samplesPerPixel: upload.samplesPerPixel },
    });
    await writeFileAtomic(join(dir, files.speech), JSON.stringify(speech, null, 2));
    await rm(join(dir, files.partialPeaks), { force: true });
    await rm(join(dir, files.upload), { force: true });
    return speech;
  }

  private async openUpload(speechId: string): Promise<string> {
    const dir = this.dir(speechId);
    if (!(await exists(join(dir, files.upload))))
      throw new LecternError('not_found', 'errors.not_found', { speechId });
    return dir;
  }

  private async read(speechId: string): Promise<Speech> {
    return Speech.parse(JSON.parse(await readFile(join(this.dir(speechId), files.speech), 'utf8')));
  }

  private dir(speechId: string): string {
    return join(this.root, SpeechId.parse(speechId));
  }

  private async speechDirs(): Promise<string[]> {
    const names = await readdir(this.root).catch(() => [] as string[]);
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

export function audioFileName(mimeType: AudioMimeType): string {
  return `audio.${audioFormats[mimeType]}`;
}

async function appendDurably(path: string, bytes: Uint8Array): Promise<void> {
  const handle = await open(path, 'a');
  try {
    await handle.write(bytes);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

async function readUpload(dir: string): Promise<Upload | undefined> {
  try {
    return Upload.parse(JSON.parse(await readFile(join(dir, files.upload), 'utf8')));
  } catch {
    return undefined;
  }
}

async function hashFile(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
