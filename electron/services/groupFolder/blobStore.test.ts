import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { open, readFile, readdir, stat, symlink, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { STALE_TEMP_MS } from './atomicWrite';
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

  it('putFile streams a file into the same name and bytes as put', async () => {
    const store = new BlobStore(folder, mine);
    const video = randomBytes(3 * 1024 * 1024 + 17); // several read chunks, not a whole one
    const source = path.join(folder, 'video.webm');
    await writeFile(source, video);
    const sha = await store.putFile(source);
    expect(sha).toBe(bytesToHex(sha256(video)));
    const stored = await store.get(mine, sha);
    expect(stored.ok && Buffer.from(stored.bytes).equals(video)).toBe(true);
    // Already there (from either path): the same name, nothing replaced, no temporary left behind.
    expect(await store.putFile(source)).toBe(sha);
    expect(await store.put(video)).toBe(sha);
    const small = utf8ToBytes('OggS… short');
    await writeFile(source, small);
    expect(await store.putFile(source)).toBe(await store.put(small));
    expect((await readdir(path.join(folder, 'devices', mine, 'blobs'))).sort()).toEqual(
      [sha, bytesToHex(sha256(small))].sort(),
    );
  });

  it.skipIf(process.platform === 'win32')(
    'a putFile killed midway leaves no blob under its final name, only a temporary swept later',
    async () => {
      // The source is a pipe the test feeds: the copy is midway, for sure, when the process is killed.
      const source = path.join(folder, 'camera.fifo');
      execFileSync('mkfifo', [source]);
      const script = `import('./electron/services/groupFolder/blobStore.ts').then((m) =>
        new m.BlobStore(${JSON.stringify(folder)}, '${mine}').putFile(${JSON.stringify(source)}))`;
      const child = spawn(process.execPath, ['--import', 'tsx', '-e', script], { stdio: 'inherit' });
      const exited = new Promise((resolve) => child.on('exit', resolve));
      const feed = await open(source, 'w');
      await feed.write(randomBytes(2 * 1024 * 1024));
      const blobs = path.join(folder, 'devices', mine, 'blobs');
      const temps = async () => (await readdir(blobs).catch(() => [])).filter((n) => n.endsWith('.tmp'));
      for (let i = 0; i < 200 && (await temps()).length === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      const [temp] = await temps();
      expect(temp).toBeDefined();
      for (let i = 0; i < 200 && (await stat(path.join(blobs, temp!))).size === 0; i++)
        await new Promise((r) => setTimeout(r, 50));
      child.kill('SIGKILL');
      await exited;
      await feed.close().catch(() => {});
      // What a crash leaves: a partial temporary, which readers skip, and nothing under a blob's name.
      expect(await readdir(blobs)).toEqual([temp]);
      expect((await stat(path.join(blobs, temp!))).size).toBeGreaterThan(0);
      // The next writer sweeps it once it is stale, and stores the whole file.
      const later = new BlobStore(folder, mine, undefined, () => Date.now() + STALE_TEMP_MS + 1);
      const whole = path.join(folder, 'whole.webm');
      await writeFile(whole, utf8ToBytes('the whole speech'));
      const sha = await later.putFile(whole);
      expect(await readdir(blobs)).toEqual([sha]);
      expect(await readFile(path.join(blobs, sha), 'utf8')).toBe('the whole speech');
    },
    20_000,
  );
});
