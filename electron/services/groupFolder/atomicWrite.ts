// Writes a file so that no reader (and no sync tool) ever sees it half-written: write under
// a temporary name in the same directory, flush, then rename into place (design rule 2).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { renameNoReplace, syncDir } from '../atomicFile';
import { mkdirInside, resolveInside } from './safePath';

export class FileExistsError extends Error {
  override readonly name = 'FileExistsError';
  constructor(readonly relPath: string) {
    super(`refusing to overwrite immutable file ${relPath}`);
  }
}

/** Temporary names the folder reader recognises and skips (see folderLayout's `in-flight`). */
export function tempName(): string {
  return `.lectern-${randomBytes(6).toString('hex')}.tmp`;
}

const TEMP_RE = /^\.lectern-[0-9a-f]{12}\.tmp$/;
/**
 * A temp file untouched this long was left by a crashed write. A live write keeps bumping the
 * mtime as it writes, so the margin only has to cover a stalled disk or network share.
 */
export const STALE_TEMP_MS = 15 * 60 * 1000;

/**
 * Removes stale `.lectern-*.tmp` files from one directory. Only a writer calls this, and only
 * on a directory it alone writes (its device's own segments or blobs, its data dir): another
 * device's files are never touched. Returns the names removed.
 */
export async function sweepStaleTemps(
  root: string,
  relDir: string,
  now: number = Date.now(),
  staleMs = STALE_TEMP_MS,
): Promise<string[]> {
  const dir = relDir === '.' ? path.resolve(root) : resolveInside(root, relDir);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const removed: string[] = [];
  for (const name of names.filter((n) => TEMP_RE.test(n))) {
    const full = path.join(dir, name);
    const stats = await fs.lstat(full).catch(() => null);
    if (!stats?.isFile() || now - stats.mtimeMs < staleMs) continue;
    await fs.rm(full, { force: true });
    removed.push(name);
  }
  return removed;
}

export interface AtomicWriteOptions {
  /** Immutable files (segments, blobs) are never replaced; local state files are. */
  overwrite?: boolean;
  /** Flush to disk before the rename (default). Off only for caches whose loss costs a re-read. */
  flush?: boolean;
}

/** Atomically creates `relPath` inside `root`. Returns the absolute path written. */
export async function writeFileAtomic(
  root: string,
  relPath: string,
  /** The content, or its pieces in order (written as they come, never joined in memory). */
  bytes: Uint8Array | string | Iterable<string | Uint8Array>,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const target = resolveInside(root, relPath);
  const relDir = path.posix.dirname(relPath);
  if (relDir !== '.') await mkdirInside(root, relDir);
  if (!options.overwrite) {
    // Only a shortcut (no temp file written for a name already taken): the link below decides.
    const exists = await fs.lstat(target).then(
      () => true,
      () => false,
    );
    if (exists) throw new FileExistsError(relPath);
  }
  const temp = path.join(path.dirname(target), tempName());
  await writeTemp(temp, bytes, options.flush !== false);
  return placeTemp(temp, target, relPath, options);
}

/**
 * Atomically creates a file in `relDir` whose name is known only once all of it is written (a content
 * address): `pieces` go to a temporary name as they come (never joined in memory), then `nameOf()`
 * names it. Never replaces a file (FileExistsError, the temporary removed); a crash midway leaves only
 * the temporary, which readers skip and {@link sweepStaleTemps} removes. Returns the absolute path.
 */
export async function writeStreamAtomic(
  root: string,
  relDir: string,
  pieces: AsyncIterable<Uint8Array>,
  nameOf: () => string,
): Promise<string> {
  await mkdirInside(root, relDir);
  const temp = path.join(resolveInside(root, relDir), tempName());
  await writeTemp(temp, pieces, true);
  const relPath = `${relDir}/${nameOf()}`;
  let target: string;
  try {
    target = resolveInside(root, relPath);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  return placeTemp(temp, target, relPath, {});
}

/** Writes a new temporary file (exclusively), flushed unless told not to; removed again if writing fails. */
async function writeTemp(
  temp: string,
  bytes: Uint8Array | string | Iterable<string | Uint8Array> | AsyncIterable<Uint8Array>,
  flush: boolean,
): Promise<void> {
  const handle = await fs.open(temp, 'wx');
  try {
    await fs.writeFile(handle, bytes);
    if (flush) await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
}

/** Moves a written temporary to its final name: replacing (local state) or never (immutable files). */
async function placeTemp(
  temp: string,
  target: string,
  relPath: string,
  options: AtomicWriteOptions,
): Promise<string> {
  try {
    if (options.overwrite) {
      await fs.rename(temp, target);
      if (options.flush !== false) await syncDir(path.dirname(target));
    } else {
      // Test-and-create in one step: something else creating `target` after any earlier check (a sync
      // tool, a second process) makes this fail instead of being replaced.
      await renameNoReplace(temp, target, undefined, options.flush !== false);
    }
  } catch (err) {
    await fs.rm(temp, { force: true });
    if ((err as NodeJS.ErrnoException).code === 'EEXIST') throw new FileExistsError(relPath);
    throw err;
  }
  return target;
}
