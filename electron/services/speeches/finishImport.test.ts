// Finishing an import: a WebM that is already seekable is kept byte for byte, one that is not gets its
// duration and cues; the work done ahead of `finish` (while the renderer decodes) never outlives a
// discard, and is not used for audio that changed after it began.
import { createHash } from 'node:crypto';
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { MediaMimeType } from '../../../shared/domain/speech';
import { SpeechStore } from './speechStore';

const fixture = (name: string) => readFile(join(import.meta.dirname, '../../../tests/fixtures', name));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
const cuesId = Buffer.from([0x1c, 0x53, 0xbb, 0x6b]);

async function imported(mimeType: MediaMimeType, bytes: Uint8Array) {
  const root = await mkdtemp(join(tmpdir(), 'lectern-finish-'));
  const store = new SpeechStore(root);
  const { speechId } = await store.begin({
    source: 'import',
    mimeType,
    title: 'phone',
    sampleRate: 48000,
    samplesPerPixel: 480,
  });
  await store.appendStream(speechId, Readable.from([bytes]), bytes.byteLength);
  return { root, store, speechId };
}

describe('finishing an import', () => {
  it('keeps a WebM that already has its duration and cues byte for byte', async () => {
    const original = await fixture('phone-en.webm');
    expect(original.includes(cuesId)).toBe(true);
    const { store, speechId } = await imported('audio/webm', original);

    const speech = await store.finish(speechId, 1000);

    const stored = await readFile((await store.mediaFile(speechId))!.path);
    expect(sha256(stored)).toBe(sha256(original));
    expect(speech).toMatchObject({ byteSize: original.byteLength, sha256: sha256(original) });
    expect(speech.durationMs).toBeGreaterThan(2000);
  });

  it('gives a WebM straight from MediaRecorder (no duration, no cues) both', async () => {
    const original = await fixture('recorded-zh.webm');
    expect(original.includes(cuesId)).toBe(false);
    const { store, speechId } = await imported('audio/webm', original);

    const speech = await store.finish(speechId, 1000);

    const stored = await readFile((await store.mediaFile(speechId))!.path);
    expect(stored.includes(cuesId)).toBe(true);
    expect(speech).toMatchObject({ byteSize: stored.byteLength, sha256: sha256(stored) });
    expect(Math.abs(speech.durationMs - 3900)).toBeLessThan(150);
  });

  it('leaves nothing behind when the import is discarded while main is still remuxing it', async () => {
    const { root, store, speechId } = await imported('audio/webm', await fixture('recorded-zh.webm'));

    await store.discard(speechId);

    expect(await readdir(root)).toEqual([]);
    await expect(store.finish(speechId)).rejects.toMatchObject({ code: 'not_found' });
  });

  it('measures the audio as finished, not as it was when its first bytes were all in', async () => {
    const mp3 = await fixture('phone-en.mp3');
    const once = await durationOf(mp3);
    const { store, speechId } = await imported('audio/mpeg', mp3);
    // More audio arrives after the stream (an append): the work done ahead saw only half of it.
    await store.append(speechId, mp3);

    const speech = await store.finish(speechId);

    expect(speech.byteSize).toBe(2 * mp3.byteLength);
    expect(speech.sha256).toBe(sha256(Buffer.concat([mp3, mp3])));
    expect(speech.durationMs).toBeGreaterThan(1.8 * once);
  });
});

async function durationOf(bytes: Uint8Array): Promise<number> {
  const { store, speechId } = await imported('audio/mpeg', bytes);
  return (await store.finish(speechId)).durationMs;
}
