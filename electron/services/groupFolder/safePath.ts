// Path safety for the group folder: every name found there is input from a stranger. A
// path may not escape the folder, no symlink is followed (anywhere on the way), and every
// read is bounded.
import { close, constants, fstat, lstat, open, promises as fs, read } from 'node:fs';
import type { Stats } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';

// The walk's file calls use the callback forms, promisified: a first sync stats, opens, reads and
// closes every file of the folder, and FileHandle's promises cost about twice the main thread's time
// per file (3,200 files at 300 members: ~250 against ~150 ms).
const lstatPath = promisify(lstat);
const openFd = promisify(open);
const fstatFd = promisify(fstat);
const closeFd = promisify(close);
const readFd = (fd: number, buffer: Uint8Array, offset: number, length: number, position: number) =>
  new Promise<number>((resolve, reject) =>
    read(fd, buffer, offset, length, position, (err, bytesRead) => (err ? reject(err) : resolve(bytesRead))),
  );

export type UnsafePathReason =
  'bad-path' | 'escapes-folder' | 'symlink' | 'not-a-file' | 'oversized' | 'missing';

export class UnsafePathError extends Error {
  override readonly name = 'UnsafePathError';
  constructor(
    readonly reason: UnsafePathReason,
    readonly relPath: string,
  ) {
    super(`${reason}: ${relPath}`);
  }
}

/**
 * The absolute path of `relPath` (with `/` separators) inside `root`, refusing absolute
 * paths, `..`, empty or dot segments, backslashes, drive letters and NUL bytes.
 */
export function resolveInside(root: string, relPath: string): string {
  const parts = relPath.split('/');
  if (
    relPath.length === 0 ||
    relPath.length > 1024 ||
    relPath.includes('\0') ||
    relPath.includes('\\') ||
    parts.some((p) => p === '' || p === '.' || p === '..' || /^[A-Za-z]:/.test(p))
  ) {
    throw new UnsafePathError('bad-path', relPath);
  }
  const base = path.resolve(root);
  const full = path.resolve(base, ...parts);
  if (full !== base && !full.startsWith(base + path.sep))
    throw new UnsafePathError('escapes-folder', relPath);
  return full;
}

/** lstat of `relPath` after checking that no directory on the way (nor the file) is a symlink. */
export async function lstatInside(root: string, relPath: string): Promise<Stats> {
  resolveInside(root, relPath);
  const parts = relPath.split('/');
  let current = path.resolve(root);
  let stats: Stats | undefined;
  for (const part of parts) {
    current = path.join(current, part);
    try {
      stats = await fs.lstat(current);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') throw new UnsafePathError('missing', relPath);
      throw err;
    }
    if (stats.isSymbolicLink()) throw new UnsafePathError('symlink', relPath);
  }
  return stats!;
}

/** Reads a regular file inside the folder, at most `maxBytes` of it, never through a symlink. */
export async function readInside(root: string, relPath: string, maxBytes: number): Promise<Uint8Array> {
  const stats = await lstatInside(root, relPath);
  if (!stats.isFile()) throw new UnsafePathError('not-a-file', relPath);
  if (stats.size > maxBytes) throw new UnsafePathError('oversized', relPath);
  // O_NOFOLLOW closes the gap between the lstat above and the open (where the platform has it).
  const fd = await openFd(resolveInside(root, relPath), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    return await readBounded(fd, stats.size, maxBytes, relPath);
  } finally {
    await closeFd(fd);
  }
}

/**
 * Reads a file the caller just found by walking the folder (no directory on the way was a
 * symlink: the walk descends only into real directories) and lstat'ed: one open, no per-component
 * lstats. O_NOFOLLOW refuses a symlink swapped in since, and the inode must still be the one the
 * caller saw, so what is read is what the cursor records.
 */
export async function readWalkedFile(
  root: string,
  relPath: string,
  seen: Stats,
  maxBytes: number,
): Promise<Uint8Array> {
  const fd = await openFd(resolveInside(root, relPath), constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
  try {
    const stats = await fstatFd(fd);
    if (!stats.isFile()) throw new UnsafePathError('not-a-file', relPath);
    if (stats.ino !== seen.ino || stats.dev !== seen.dev) throw new UnsafePathError('missing', relPath);
    if (stats.size > maxBytes) throw new UnsafePathError('oversized', relPath);
    return await readBounded(fd, stats.size, maxBytes, relPath);
  } finally {
    await closeFd(fd);
  }
}

/** The lstat of an entry the walk found (its directories are real ones), or null when it is gone. */
export function lstatWalked(root: string, relPath: string): Promise<Stats | null> {
  return lstatPath(path.join(root, ...relPath.split('/'))).catch(() => null);
}

/**
 * Reads an open file whole, but never more than `maxBytes`: the file may have grown since it was
 * stat'ed (a sync tool still writing), so it reads one byte more than expected to notice.
 */
async function readBounded(
  fd: number,
  expectedSize: number,
  maxBytes: number,
  relPath: string,
): Promise<Uint8Array> {
  const buffer = new Uint8Array(Math.min(maxBytes + 1, expectedSize + 1));
  let length = 0;
  while (length < buffer.length) {
    const bytesRead = await readFd(fd, buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
  }
  if (length > maxBytes) throw new UnsafePathError('oversized', relPath);
  return buffer.subarray(0, length);
}

/** Makes the directories of `relDir` inside `root`, refusing to create through a symlink. */
export async function mkdirInside(root: string, relDir: string): Promise<string> {
  const full = resolveInside(root, relDir);
  let current = path.resolve(root);
  for (const part of relDir.split('/')) {
    current = path.join(current, part);
    try {
      const stats = await fs.lstat(current);
      if (stats.isSymbolicLink()) throw new UnsafePathError('symlink', relDir);
      if (!stats.isDirectory()) throw new UnsafePathError('not-a-file', relDir);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      await fs.mkdir(current).catch((e: NodeJS.ErrnoException) => {
        if (e.code !== 'EEXIST') throw e;
      });
    }
  }
  return full;
}
