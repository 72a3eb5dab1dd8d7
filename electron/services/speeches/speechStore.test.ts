// SpeechStore against real audio: a MediaRecorder WebM recorded in Chromium from espeak-ng speech.
import { mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ALL_FORMATS, EncodedPacketSink, FilePathSource, Input } from 'mediabunny';
import { describe, expect, it, vi } from 'vitest';
import { LecternError } from '../../../shared/api/errors';
import { finishWebm } from './finishWebm';
import { SpeechStore } from './speechStore';

const recorded = await readFile(join(import.meta.dirname, '../../../tests/fixtures/recorded-zh.webm'));
const recordedSeconds = 3.9;

/** The fixture cut like MediaRecorder's 1 s timeslices would (about 16 kB each). */
function chunks(bytes: Uint8Array, size = 16_000): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let at = 0; at < bytes.length; at += size) out.push(bytes.subarray(at, at + size));
  return out;
}

async function freshStore(changes: string[] = []) {
  const root = await mkdtemp(join(tmpdir(), 'lectern-speeches-'));
  return { root, store: new SpeechStore(root, () => changes.push('changed')) };
}

const recording = {
  source: 'recording' as const,
  mimeType: 'audio/webm' as const,
  title: '周三练习',
  target: { minSeconds: 2, maxSeconds: 5 },
  sampleRate: 48000,
  samplesPerPixel: 480,
};

async function record(store: SpeechStore, parts: Uint8Array[]) {
  const { speechId } = await store.begin(recording);
  for (const part of parts) await store.append(speechId, part, new Uint8Array([0xf0, 0x10]));
  return speechId;
}

describe('SpeechStore', () => {
  it('answers the free space of a data folder that has no speeches yet', async () => {
    const root = join(await mkdtemp(join(tmpdir(), 'lectern-data-')), 'speeches');
    const { freeBytes } = await new SpeechStore(root).freeSpace();
    expect(freeBytes).toBeGreaterThan(0);
  });

  it('finishes a recording into a seekable WebM with its duration, hash and peaks', async () => {
    const changes: string[] = [];
    const { store } = await freshStore(changes);
    const speechId = await record(store, chunks(recorded));
    const speech = await store.finish(speechId, 3900);

    expect(speech).toMatchObject({
      title: '周三练习',
      source: 'recording',
      mimeType: 'audio/webm',
      tags: [],
    });
    expect(Math.abs(speech.durationMs - recordedSeconds * 1000)).toBeLessThan(150);
    const file = (await store.mediaFile(speechId))!;
    const bytes = await readFile(file.path);
    expect(speech.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    expect(bytes.includes(Buffer.from([0x1c, 0x53, 0xbb, 0x6b]))).toBe(true); // the Cues element
    expect(recorded.includes(Buffer.from([0x1c, 0x53, 0xbb, 0x6b]))).toBe(false);

    const input = new Input({ source: new FilePathSource(file.path), formats: ALL_FORMATS });
    const track = (await input.getPrimaryAudioTrack())!;
    const packet = await new EncodedPacketSink(track).getPacket(2.0);
    expect(packet!.timestamp).toBeGreaterThan(1.9);
    expect(packet!.timestamp).toBeLessThanOrEqual(2.0);
    input.dispose();

    const peaks = await store.peaks(speechId);
    expect(Array.from(new Int8Array(peaks.data.buffer))).toEqual(chunks(recorded).flatMap(() => [-16, 16]));
    // A player asks for no more pairs than it draws: neighbours merge, each pair then covering more.
    const pairs = chunks(recorded).length;
    const few = await store.peaks(speechId, 2);
    expect(Array.from(new Int8Array(few.data.buffer))).toEqual([-16, 16, -16, 16]);
    expect(few.samplesPerPixel).toBe(480 * Math.ceil(pairs / 2));
    expect(changes).toEqual(['changed']);
    expect(await store.list()).toEqual([speech]);
  });

  it('recovers a recording a crash interrupted, keeping all but the last moments', async () => {
    const { root, store } = await freshStore();
    const parts = chunks(recorded, 8_000);
    const speechId = await record(store, parts.slice(0, Math.ceil(parts.length * 0.75)));
    // The app dies here. The next start builds a new store on the same folder.
    const changes: string[] = [];
    const [speech] = await new SpeechStore(root, () => changes.push('changed')).recover();
    expect(speech).toMatchObject({ id: speechId, source: 'recovered', title: '周三练习' });
    expect(speech!.durationMs).toBeGreaterThan(recordedSeconds * 0.75 * 1000 - 2000);
    expect(changes).toEqual(['changed']);
    expect(await new SpeechStore(root).list()).toHaveLength(1);
  });

  // The reported crash: the old `complete` removed audio.partial before speech.json existed, and
  // `recover()` then deleted the folder, finished audio and all.
  it.each(['empty', 'missing'])(
    'recovers finished audio.webm with no speech.json (audio.partial %s), never deleting it',
    async (partial) => {
      const { root, store } = await freshStore();
      const speechId = await record(store, chunks(recorded));
      const dir = join(root, speechId);
      await finishWebm(join(dir, 'audio.partial'), join(dir, 'audio.webm'), { keepVideo: false });
      const finished = await readFile(join(dir, 'audio.webm'));
      if (partial === 'empty') await writeFile(join(dir, 'audio.partial'), new Uint8Array());
      else await rm(join(dir, 'audio.partial'));

      const [speech] = await new SpeechStore(root).recover();
      expect(speech).toMatchObject({ id: speechId, source: 'recovered', byteSize: finished.length });
      expect(Math.abs(speech!.durationMs - recordedSeconds * 1000)).toBeLessThan(150);
      expect(await readFile((await store.mediaFile(speechId))!.path)).toEqual(finished);
      expect((await readdir(dir)).sort()).toEqual(['audio.webm', 'peaks.json', 'speech.json']);
      expect(await store.list()).toEqual([speech]);
    },
  );

  it('keeps, untouched, a folder with audio it did not make (no upload.json, no speech.json)', async () => {
    const { root } = await freshStore();
    const stranger = join(root, '00000000-0000-4000-8000-000000000001');
    await mkdir(stranger);
    await writeFile(join(stranger, 'audio.webm'), recorded);
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await new SpeechStore(root).recover()).toEqual([]);
    expect(await readdir(stranger)).toEqual(['audio.webm']);
    expect(errors).toHaveBeenCalled();
    errors.mockRestore();
  });

  it('removes a begun folder that holds no audio bytes', async () => {
    const { root, store } = await freshStore();
    await store.begin(recording);
    expect(await new SpeechStore(root).recover()).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it('drops an unfinished import at start: the member still has the original file', async () => {
    const { root, store } = await freshStore();
    const { speechId } = await store.begin({
      ...recording,
      source: 'import',
      mimeType: 'audio/mpeg',
      originalName: 'talk.mp3',
    });
    await store.append(speechId, new Uint8Array(100));
    expect(await new SpeechStore(root).recover()).toEqual([]);
    expect(await readdir(root)).toEqual([]);
  });

  it('refuses a broken file with a clear error and leaves other speeches untouched', async () => {
    const { store } = await freshStore();
    const good = await store.finish(await record(store, chunks(recorded)));
    const { speechId } = await store.begin({
      ...recording,
      source: 'import',
      mimeType: 'audio/mpeg',
      originalName: 'broken.mp3',
    });
    await store.append(speechId, new Uint8Array(4096).fill(7));
    const error = await store.finish(speechId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).messageKey).toBe('errors.unreadableAudio');
    expect(await store.list()).toEqual([good]);
  });

  it('renames, tags, deletes to the trash and restores', async () => {
    const { store } = await freshStore();
    const speech = await store.finish(await record(store, chunks(recorded)));
    await store.update(speech.id, {
      speechId: speech.id,
      title: '  新标题 ',
      tags: ['即兴', '即兴', '故事'],
    });
    expect(await store.get(speech.id)).toMatchObject({ title: '新标题', tags: ['即兴', '故事'] });
    await store.delete(speech.id);
    expect(await store.list()).toEqual([]);
    expect(await store.mediaFile(speech.id)).toBeUndefined();
    await store.restore(speech.id);
    expect(await store.get(speech.id)).toMatchObject({ title: '新标题' });
  });

  it('does not accept chunks for a speech that was never begun, or after it finished', async () => {
    const { store } = await freshStore();
    const stranger = '00000000-0000-4000-8000-000000000000';
    await expect(store.append(stranger, new Uint8Array(1))).rejects.toMatchObject({ code: 'not_found' });
    const speechId = await record(store, chunks(recorded));
    await store.finish(speechId);
    await expect(store.append(speechId, new Uint8Array(1))).rejects.toMatchObject({ code: 'not_found' });
  });

  it('skips a damaged speech.json in the list instead of failing the whole library', async () => {
    const { root, store } = await freshStore();
    const a = await store.finish(await record(store, chunks(recorded)));
    const b = await store.finish(await record(store, chunks(recorded)));
    await writeFile(join(root, b.id, 'speech.json'), '{"format": 1, "id": "oops"');
    expect(await store.list()).toEqual([a]);
  });

  describe('a video recording', () => {
    // A camera recording as MediaRecorder writes it: VP8 and Opus, live WebM with no duration or Cues.
    const video = readFile(join(import.meta.dirname, '../../../tests/fixtures/recorded-video.webm'));

    async function recordVideo(store: SpeechStore) {
      const { speechId } = await store.begin({ ...recording, mimeType: 'video/webm' });
      for (const part of chunks(await video, 20_000)) await store.append(speechId, part);
      return store.finish(speechId, 3000);
    }

    it('keeps the picture: a seekable video.webm with both tracks, its duration and size', async () => {
      const { root, store } = await freshStore();
      const speech = await recordVideo(store);

      expect(speech).toMatchObject({
        mimeType: 'video/webm',
        video: { width: 320, height: 240, poster: false },
      });
      expect(Math.abs(speech.durationMs - 3000)).toBeLessThan(150);
      const file = (await store.mediaFile(speech.id))!;
      expect(file).toEqual({ path: join(root, speech.id, 'video.webm'), mimeType: 'video/webm' });
      const bytes = await readFile(file.path);
      expect(bytes.includes(Buffer.from([0x1c, 0x53, 0xbb, 0x6b]))).toBe(true); // the Cues element
      const input = new Input({ source: new FilePathSource(file.path), formats: ALL_FORMATS });
      expect((await input.getPrimaryVideoTrack())?.codec).toBe('vp8');
      expect((await input.getPrimaryAudioTrack())?.codec).toBe('opus');
      input.dispose();
    });

    it('keeps a poster frame and serves it; a speech without a picture has none to keep', async () => {
      const { store } = await freshStore();
      const speech = await recordVideo(store);
      expect(await store.posterFile(speech.id)).toBeUndefined();
      const jpeg = new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]);

      const withPoster = await store.savePoster(speech.id, jpeg);

      expect(withPoster.video?.poster).toBe(true);
      expect(await store.get(speech.id)).toEqual(withPoster);
      expect(await readFile((await store.posterFile(speech.id))!.path)).toEqual(Buffer.from(jpeg));
      const audioOnly = await record(store, chunks(recorded));
      await store.finish(audioOnly, 3900);
      await expect(store.savePoster(audioOnly, jpeg)).rejects.toMatchObject({
        messageKey: 'errors.notAVideo',
      });
    });
  });
});
