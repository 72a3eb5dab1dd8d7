// The desktop's import path: main copies a file the member picked or dropped, named by its path, into
// the speech (hashing as it copies), and refuses anything but a regular file of the size the renderer saw.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, readFile, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../../shared/api/errors';
import { createSpeechHandlers } from './speechHandlers';
import { SpeechStore } from './speechStore';

const phoneMp3 = join(import.meta.dirname, '../../../tests/fixtures/phone-en.mp3');
const mp3 = await readFile(phoneMp3);
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');

async function beginImport() {
  const root = await mkdtemp(join(tmpdir(), 'lectern-import-'));
  const store = new SpeechStore(join(root, 'speeches'));
  const { speechId } = await store.begin({
    source: 'import',
    mimeType: 'audio/mpeg',
    title: 'phone',
    sampleRate: 44100,
    samplesPerPixel: 441,
  });
  const partial = join(root, 'speeches', speechId, 'audio.partial');
  return { root, store, speechId, partial };
}

async function refusal(work: Promise<unknown>): Promise<string> {
  const error = await work.then(
    () => undefined,
    (thrown: unknown) => thrown,
  );
  expect(error).toBeInstanceOf(LecternError);
  return (error as LecternError).messageKey;
}

describe('SpeechStore.importFrom', () => {
  it('copies a regular file into the speech, and finish keeps the hash taken while copying', async () => {
    const { store, speechId, partial } = await beginImport();
    expect(await store.importFrom(speechId, phoneMp3, mp3.byteLength)).toEqual({
      audioBytes: mp3.byteLength,
    });
    expect(sha256(await readFile(partial))).toBe(sha256(mp3));
    const speech = await store.finish(speechId, 3000);
    expect(speech.byteSize).toBe(mp3.byteLength);
    expect(speech.sha256).toBe(sha256(mp3));
    const media = await store.mediaFile(speechId);
    expect(sha256(await readFile(media!.path))).toBe(sha256(mp3));
  });

  it('follows a symlink to a regular file (a picked file may be one)', async () => {
    const { root, store, speechId, partial } = await beginImport();
    await symlink(phoneMp3, join(root, 'link.mp3'));
    await store.importFrom(speechId, join(root, 'link.mp3'), mp3.byteLength);
    expect(sha256(await readFile(partial))).toBe(sha256(mp3));
  });

  it('refuses a folder, a missing file, a device, a FIFO behind a symlink, or a relative path, copying nothing', async () => {
    const { root, store, speechId, partial } = await beginImport();
    await mkdir(join(root, 'folder'));
    await symlink('/dev/zero', join(root, 'zero.mp3'));
    execFileSync('mkfifo', [join(root, 'fifo')]);
    await symlink(join(root, 'fifo'), join(root, 'fifo.mp3'));
    await symlink(join(root, 'gone'), join(root, 'dangling.mp3'));
    const cases: [string, string][] = [
      [join(root, 'folder'), 'errors.importNotAFile'],
      [join(root, 'missing.mp3'), 'errors.importFileMissing'],
      [join(root, 'dangling.mp3'), 'errors.importFileMissing'],
      [join(root, 'zero.mp3'), 'errors.importNotAFile'],
      [join(root, 'fifo.mp3'), 'errors.importNotAFile'],
      ['talk.mp3', 'errors.importNotAFile'],
    ];
    for (const [path, key] of cases) expect(await refusal(store.importFrom(speechId, path, 100))).toBe(key);
    expect((await stat(partial)).size).toBe(0);
  });

  it('refuses a file whose size is not what the renderer saw (it changed), copying nothing', async () => {
    const { root, store, speechId, partial } = await beginImport();
    await writeFile(join(root, 'growing.mp3'), mp3);
    expect(await refusal(store.importFrom(speechId, join(root, 'growing.mp3'), mp3.byteLength - 1))).toBe(
      'errors.importFileChanged',
    );
    expect((await stat(partial)).size).toBe(0);
  });

  it('is refused over the web host: only the desktop renderer may name a path', async () => {
    const { store, speechId, partial } = await beginImport();
    const handlers = createSpeechHandlers(store);
    const input = { speechId, path: phoneMp3, bytes: mp3.byteLength };
    const error = await Promise.resolve()
      .then(() => handlers['speeches.importFrom'](input, { transport: 'http' }))
      .catch((thrown: unknown) => thrown);
    expect((error as LecternError).code).toBe('forbidden');
    expect((await stat(partial)).size).toBe(0);
    await handlers['speeches.importFrom'](input, { transport: 'ipc' });
    expect((await stat(partial)).size).toBe(mp3.byteLength);
  });
});
