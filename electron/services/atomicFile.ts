// Writes a file so that a crash leaves either the old or the new content, never half of each, and
// (when asked) never replaces a file that is already there. The disk is reached through a small port
// so that tests can make any step fail or "crash" (see speeches/faultyFs.ts).
import { randomBytes } from 'node:crypto';
import { promises as nodeFs } from 'node:fs';
import { basename, dirname, join } from 'node:path';

/** The part of an open file the writers here use. */
export interface FileHandlePort {
  write(buffer: Uint8Array, offset: number, length: number): Promise<{ bytesWritten: number }>;
  writeFile(data: string | Uint8Array): Promise<void>;
  sync(): Promise<void>;
  datasync(): Promise<void>;
  truncate(length: number): Promise<void>;
  close(): Promise<void>;
}

/** The file-system calls that change the disk. Node's `fs.promises` is the production implementation. */
export interface AtomicFs {
  mkdir(path: string, options: { recursive: true }): Promise<unknown>;
  open(path: string, flags: 'r' | 'w' | 'wx' | 'a'): Promise<FileHandlePort>;
  rename(from: string, to: string): Promise<void>;
  /** Fails with EEXIST when `newPath` exists: the primitive behind "never overwrite". */
  link(existing: string, newPath: string): Promise<void>;
  unlink(path: string): Promise<void>;
  rm(path: string, options?: { recursive?: boolean; force?: boolean }): Promise<void>;
}

export const nodeAtomicFs: AtomicFs = nodeFs;

export interface AtomicWriteOptions {
  /** Replace what is at `path` (the default), or fail with EEXIST if anything is there. */
  overwrite?: boolean;
  fs?: AtomicFs;
}

export async function writeFileAtomic(
  path: string,
  data: string | Uint8Array,
  { overwrite = true, fs = nodeAtomicFs }: AtomicWriteOptions = {},
): Promise<void> {
  await fs.mkdir(dirname(path), { recursive: true });
  const temporary = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    const handle = await fs.open(temporary, 'wx');
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (overwrite) {
      await fs.rename(temporary, path);
      await syncDir(dirname(path), fs);
    } else {
      await renameNoReplace(temporary, path, fs);
    }
  } catch (error) {
    await fs.rm(temporary, { force: true }).catch(() => {});
    throw error;
  }
}

/**
 * Moves `from` to `to` unless `to` exists (then it fails with EEXIST and `from` stays). A hard link
 * is the atomic test-and-create; lstat-then-rename would race with anything else creating `to`. A
 * crash between the link and the unlink leaves both names on the same bytes, which is harmless.
 */
export async function renameNoReplace(
  from: string,
  to: string,
  fs: AtomicFs = nodeAtomicFs,
  /** Flush the directory afterwards (off only where losing the file in a power cut costs nothing). */
  flushDir = true,
): Promise<void> {
  try {
    await fs.link(from, to);
  } catch (error) {
    if (!noHardLinks(error)) throw error;
    // FAT, exFAT and some network shares have no hard links: reserve the name exclusively, then
    // rename over our own empty reservation. Never overwrites; a reader may briefly see it empty.
    await (await fs.open(to, 'wx')).close();
    await fs.rename(from, to);
    if (flushDir) await syncDir(dirname(to), fs);
    return;
  }
  await fs.unlink(from);
  if (flushDir) await syncDir(dirname(to), fs);
}

/**
 * Flushes a directory, so that a rename, link or new file in it survives a power cut, not only a
 * crash. Best effort where directories cannot be opened or flushed (Windows): those errors are
 * ignored, anything else (EIO) is not.
 */
export async function syncDir(dir: string, fs: AtomicFs = nodeAtomicFs): Promise<void> {
  let handle: FileHandlePort;
  try {
    handle = await fs.open(dir, 'r');
  } catch (error) {
    if (cannotSyncDirs(error)) return;
    throw error;
  }
  try {
    await handle.sync();
  } catch (error) {
    if (!cannotSyncDirs(error)) throw error;
  } finally {
    await handle.close();
  }
}

function errorCode(error: unknown): unknown {
  return (error as { code?: unknown } | null)?.code;
}

function cannotSyncDirs(error: unknown): boolean {
  return ['EISDIR', 'EPERM', 'EACCES', 'EINVAL', 'ENOTSUP', 'EOPNOTSUPP', 'EBADF'].includes(
    errorCode(error) as string,
  );
}

function noHardLinks(error: unknown): boolean {
  return ['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EXDEV', 'EMLINK'].includes(errorCode(error) as string);
}
