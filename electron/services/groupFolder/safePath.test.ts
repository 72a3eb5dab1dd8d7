import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdtemp, mkdir, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { UnsafePathError, lstatInside, mkdirInside, readInside, resolveInside } from './safePath';
import { FileExistsError, writeFileAtomic } from './atomicWrite';

let root: string;
let outside: string;
beforeEach(async () => {
  root = await mkdtemp(path.join(tmpdir(), 'lectern-safe-'));
  outside = await mkdtemp(path.join(tmpdir(), 'lectern-outside-'));
  await writeFile(path.join(outside, 'secret.txt'), 'secret');
});
afterEach(async () => {
  await rm(root, { recursive: true, force: true });
  await rm(outside, { recursive: true, force: true });
});

async function reason(p: Promise<unknown>): Promise<string> {
  try {
    await p;
    return 'ok';
  } catch (err) {
    if (err instanceof UnsafePathError) return err.reason;
    throw err;
  }
}

describe('path safety', () => {
  it('refuses paths that could leave the folder', () => {
    for (const bad of ['../x', 'a/../../x', '/etc/passwd', 'a//b', './a', 'a\\..\\b', 'C:/x', 'a\0b', '']) {
      expect(() => resolveInside(root, bad)).toThrow(UnsafePathError);
    }
    expect(resolveInside(root, 'devices/a/b')).toBe(path.join(root, 'devices', 'a', 'b'));
  });

  it('never follows a symlink, to a file or through a directory', async () => {
    await symlink(path.join(outside, 'secret.txt'), path.join(root, 'link.json'));
    await symlink(outside, path.join(root, 'devices'));
    expect(await reason(readInside(root, 'link.json', 100))).toBe('symlink');
    expect(await reason(readInside(root, 'devices/secret.txt', 100))).toBe('symlink');
    expect(await reason(lstatInside(root, 'devices'))).toBe('symlink');
    expect(await reason(mkdirInside(root, 'devices/x'))).toBe('symlink');
    expect(await readdir(outside)).toEqual(['secret.txt']);
  });

  it('bounds sizes and names missing files and directories', async () => {
    await writeFile(path.join(root, 'big'), new Uint8Array(101));
    await mkdir(path.join(root, 'dir'));
    expect(await reason(readInside(root, 'big', 100))).toBe('oversized');
    expect((await readInside(root, 'big', 101)).length).toBe(101);
    expect(await reason(readInside(root, 'dir', 100))).toBe('not-a-file');
    expect(await reason(readInside(root, 'nope', 100))).toBe('missing');
  });
});

describe('writeFileAtomic', () => {
  it('creates directories, leaves no temporary file and refuses to overwrite', async () => {
    await writeFileAtomic(root, 'devices/d/segments/1.json', '{"a":1}');
    expect(await readFile(path.join(root, 'devices/d/segments/1.json'), 'utf8')).toBe('{"a":1}');
    await expect(writeFileAtomic(root, 'devices/d/segments/1.json', 'x')).rejects.toBeInstanceOf(
      FileExistsError,
    );
    await writeFileAtomic(root, 'devices/d/segments/1.json', 'y', { overwrite: true });
    expect(await readdir(path.join(root, 'devices/d/segments'))).toEqual(['1.json']);
  });

  it('lets only one of two writers racing for one immutable name win, and keeps its bytes', async () => {
    // Both pass the "is it there?" look before either renames: only an atomic test-and-create
    // stops the second from silently replacing the first.
    const results = await Promise.allSettled(
      ['first', 'second'].map((text) => writeFileAtomic(root, 'devices/d/segments/7.json', text)),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [['first', 'second'][i]] : []));
    expect(won).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: expect.any(FileExistsError),
    });
    expect(await readFile(path.join(root, 'devices/d/segments/7.json'), 'utf8')).toBe(won[0]);
    expect(await readdir(path.join(root, 'devices/d/segments'))).toEqual(['7.json']);
  });
});

describe('an interrupted write', () => {
  it('leaves no partial file under the final name, and no temporary file behind', async () => {
    // A value writeFile rejects stands in for a crash half-way through writing.
    await expect(
      writeFileAtomic(root, 'devices/d/segments/2.json', Symbol('boom') as never),
    ).rejects.toThrow();
    expect(await readdir(path.join(root, 'devices/d/segments'))).toEqual([]);
  });
});
