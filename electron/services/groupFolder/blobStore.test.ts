import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { BlobStore } from './blobStore';
import { tempDir } from './testGroupFolder';

let folder: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: folder, cleanup } = await tempDir('blobs')));
afterEach(() => cleanup());

const mine = '00000000000000aa';
const theirs = '00000000000000bb';

describe('BlobStore', () => {
  it('stores audio under its SHA-256 and reads it back verified', async () => {
    const store = new BlobStore(folder, mine);
    const audio = utf8ToBytes('OggS… a speech');
    const sha = await store.put(audio);
    expect(sha).toBe(bytesToHex(sha256(audio)));
    expect(await store.put(audio)).toBe(sha);
    expect(await store.get(mine, sha)).toEqual({ ok: true, bytes: audio });
    expect(await store.verify(mine, sha)).toEqual({ ok: true });
  });

  it('refuses bytes that do not match their name, symlinks, oversized and bad names', async () => {
    const store = new BlobStore(folder, mine, 64);
    const other = new BlobStore(folder, theirs, 64);
    const sha = await other.put(utf8ToBytes('genuine'));
    await writeFile(path.join(folder, 'devices', theirs, 'blobs', sha), 'tampered');
    expect(await store.get(theirs, sha)).toEqual({ ok: false, reason: 'hash-mismatch' });
    expect(await store.verify(theirs, sha)).toEqual({ ok: false, reason: 'hash-mismatch' });
    const big = await other.put(new Uint8Array(10)).then(async (s) => {
      await writeFile(path.join(folder, 'devices', theirs, 'blobs', s), new Uint8Array(100));
      return s;
    });
    expect(await store.get(theirs, big)).toEqual({ ok: false, reason: 'oversized' });
    const linked = 'c'.repeat(64);
    await symlink('/etc/hostname', path.join(folder, 'devices', theirs, 'blobs', linked));
    expect(await store.get(theirs, linked)).toEqual({ ok: false, reason: 'symlink' });
    expect(await store.verify(theirs, linked)).toEqual({ ok: false, reason: 'symlink' });
    expect(await store.get('../../etc', sha)).toEqual({ ok: false, reason: 'bad-name' });
    expect(await store.get(mine, 'd'.repeat(64))).toEqual({ ok: false, reason: 'missing' });
  });

  it('lets the author delete only their own blob', async () => {
    const store = new BlobStore(folder, mine);
    const other = new BlobStore(folder, theirs);
    const a = await store.put(utf8ToBytes('mine'));
    const b = await other.put(utf8ToBytes('theirs'));
    expect(await store.delete(b)).toBe(false);
    expect((await other.get(theirs, b)).ok).toBe(true);
    expect(await store.delete(a)).toBe(true);
    expect(await store.get(mine, a)).toEqual({ ok: false, reason: 'missing' });
  });
});
