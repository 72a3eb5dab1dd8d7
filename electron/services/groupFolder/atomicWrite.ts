// Writes a file so that no reader (and no sync tool) ever sees it half-written: write under
// a temporary name in the same directory, flush, then rename into place (design rule 2).
import { randomBytes } from 'node:crypto';
import { promises as fs } from 'node:fs';
import path from 'node:path';
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

export interface AtomicWriteOptions {
  /** Immutable files (segments, blobs) are never replaced; local state files are. */
  overwrite?: boolean;
}

/** Atomically creates `relPath` inside `root`. Returns the absolute path written. */
export async function writeFileAtomic(
  root: string,
  relPath: string,
  bytes: Uint8Array | string,
  options: AtomicWriteOptions = {},
): Promise<string> {
  const target = resolveInside(root, relPath);
  const relDir = path.posix.dirname(relPath);
  if (relDir !== '.') await mkdirInside(root, relDir);
  if (!options.overwrite) {
    const exists = await fs.lstat(target).then(
      () => true,
      () => false,
    );
    if (exists) throw new FileExistsError(relPath);
  }
  const temp = path.join(path.dirname(target), tempName());
  const handle = await fs.open(temp, 'wx');
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (err) {
    await handle.close();
    await fs.rm(temp, { force: true });
    throw err;
  }
  await handle.close();
  try {
    await fs.rename(temp, target);
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  return target;
}
