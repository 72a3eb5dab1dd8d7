// writeFileAtomic and renameNoReplace: whole files, flushed directories, and "never overwrite"
// that holds even when writers race.
import { promises as fs } from 'node:fs';
import { mkdtemp, readFile, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { nodeAtomicFs, renameNoReplace, syncDir, writeFileAtomic, type AtomicFs } from './atomicFile';

const scratch = () => mkdtemp(join(tmpdir(), 'lectern-atomic-'));

/** Node's fs, recording each call that changes or flushes the disk. */
function recordingFs(overrides: Partial<AtomicFs> = {}): { fs: AtomicFs; calls: string[] } {
  const calls: string[] = [];
  const port: AtomicFs = {
    ...nodeAtomicFs,
    mkdir: (path, options) => nodeAtomicFs.mkdir(path, options),
    rename: async (from, to) => {
      calls.push(`rename ${from} ${to}`);
      return nodeAtomicFs.rename(from, to);
    },
    link: async (from, to) => {
      calls.push(`link ${from} ${to}`);
      return nodeAtomicFs.link(from, to);
    },
    unlink: async (path) => {
      calls.push(`unlink ${path}`);
      return nodeAtomicFs.unlink(path);
    },
    rm: (path, options) => nodeAtomicFs.rm(path, options),
    open: async (path, flags) => {
      const handle = await nodeAtomicFs.open(path, flags);
      return {
        write: (b, o, l) => handle.write(b, o, l),
        writeFile: (data) => handle.writeFile(data),
        truncate: (length) => handle.truncate(length),
        datasync: () => handle.datasync(),
        close: () => handle.close(),
        sync: async () => {
          calls.push(`sync ${path}`);
          return handle.sync();
        },
      };
    },
    ...overrides,
  };
  return { fs: port, calls };
}

describe('writeFileAtomic', () => {
  it('replaces a file by default, and flushes the file before the rename and the folder after it', async () => {
    const dir = await scratch();
    const path = join(dir, 'state.json');
    await writeFile(path, 'old');
    const { fs: port, calls } = recordingFs();
    await writeFileAtomic(path, 'new', { fs: port });
    expect(await readFile(path, 'utf8')).toBe('new');
    expect(await readdir(dir)).toEqual(['state.json']);
    const rename = calls.findIndex((c) => c.startsWith('rename '));
    expect(calls[rename - 1]).toMatch(/^sync .*\.state\.json\.[0-9a-f]{8}\.tmp$/);
    expect(calls[rename + 1]).toBe(`sync ${dir}`);
  });

  it('with overwrite: false, refuses an existing file (EEXIST), leaving it and no temporary', async () => {
    const dir = await scratch();
    const path = join(dir, 'speech.json');
    await writeFile(path, 'first');
    await expect(writeFileAtomic(path, 'second', { overwrite: false })).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(path, 'utf8')).toBe('first');
    expect(await readdir(dir)).toEqual(['speech.json']);
  });

  it('with overwrite: false, exactly one of many racing writers wins, and its content is whole', async () => {
    const dir = await scratch();
    const path = join(dir, 'once.json');
    const writers = Array.from({ length: 24 }, (_, i) => `writer ${i} `.repeat(2000));
    const results = await Promise.allSettled(
      writers.map((text) => writeFileAtomic(path, text, { overwrite: false })),
    );
    const won = results.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
    expect(won).toHaveLength(1);
    expect(await readFile(path, 'utf8')).toBe(writers[won[0]!]);
    for (const r of results) if (r.status === 'rejected') expect(r.reason).toMatchObject({ code: 'EEXIST' });
    expect(await readdir(dir)).toEqual(['once.json']);
  });
});

describe('renameNoReplace', () => {
  it('moves a file through a hard link, then flushes the folder', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'a'), 'bytes');
    const { fs: port, calls } = recordingFs();
    await renameNoReplace(join(dir, 'a'), join(dir, 'b'), port);
    expect(await readdir(dir)).toEqual(['b']);
    expect(calls).toEqual([
      `link ${join(dir, 'a')} ${join(dir, 'b')}`,
      `unlink ${join(dir, 'a')}`,
      `sync ${dir}`,
    ]);
  });

  it('never replaces the target, and keeps the source', async () => {
    const dir = await scratch();
    await writeFile(join(dir, 'a'), 'new');
    await writeFile(join(dir, 'b'), 'finished audio');
    await expect(renameNoReplace(join(dir, 'a'), join(dir, 'b'))).rejects.toMatchObject({ code: 'EEXIST' });
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('finished audio');
    expect(await readFile(join(dir, 'a'), 'utf8')).toBe('new');
  });

  it('without hard links (FAT, some shares), reserves the name exclusively: still never replaces', async () => {
    const dir = await scratch();
    const noLinks = recordingFs({
      link: () => Promise.reject(Object.assign(new Error('EPERM'), { code: 'EPERM' })),
    });
    await writeFile(join(dir, 'a'), 'bytes');
    await renameNoReplace(join(dir, 'a'), join(dir, 'b'), noLinks.fs);
    expect(await readdir(dir)).toEqual(['b']);
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('bytes');
    await writeFile(join(dir, 'c'), 'other');
    await expect(renameNoReplace(join(dir, 'c'), join(dir, 'b'), noLinks.fs)).rejects.toMatchObject({
      code: 'EEXIST',
    });
    expect(await readFile(join(dir, 'b'), 'utf8')).toBe('bytes');
  });
});

describe('syncDir', () => {
  it('flushes a real directory', async () => {
    await expect(syncDir(await scratch())).resolves.toBeUndefined();
  });

  it('is best effort where directories cannot be opened or flushed (Windows), but reports real failures', async () => {
    const failingOpen = (code: string): AtomicFs => ({
      ...nodeAtomicFs,
      open: () => Promise.reject(Object.assign(new Error(code), { code })),
    });
    await expect(syncDir('/x', failingOpen('EISDIR'))).resolves.toBeUndefined();
    await expect(syncDir('/x', failingOpen('EPERM'))).resolves.toBeUndefined();
    await expect(syncDir('/x', failingOpen('EIO'))).rejects.toMatchObject({ code: 'EIO' });

    const failingSync = (code: string): AtomicFs => ({
      ...nodeAtomicFs,
      open: async (path, flags) => {
        const handle = await fs.open(path, flags);
        return Object.assign(Object.create(handle) as typeof handle, {
          sync: () => Promise.reject(Object.assign(new Error(code), { code })),
          close: () => handle.close(),
        });
      },
    });
    const dir = await scratch();
    await expect(syncDir(dir, failingSync('EPERM'))).resolves.toBeUndefined();
    await expect(syncDir(dir, failingSync('EIO'))).rejects.toMatchObject({ code: 'EIO' });
  });
});
