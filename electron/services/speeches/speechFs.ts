// The disk as SpeechStore sees it: a port (Node's fs in the app, a fault-injecting one in tests) and
// the two write primitives built on it, each leaving a file whole or as it was.
import { promises as nodeFs } from 'node:fs';
import { LecternError } from '../../../shared/api/errors';
import type { AtomicFs, FileHandlePort } from '../atomicFile';

export interface SpeechFs extends AtomicFs {
  readFile(path: string): Promise<Buffer>;
  readdir(path: string): Promise<string[]>;
  stat(path: string): Promise<{ size: number }>;
}

export const nodeSpeechFs: SpeechFs = nodeFs;

export async function sizeOf(fs: SpeechFs, path: string): Promise<number | undefined> {
  return fs.stat(path).then(
    (stats) => stats.size,
    () => undefined,
  );
}

/**
 * Appends each part to its file and flushes it, all or nothing: if any write or flush fails (a full
 * disk mid-chunk), every file is cut back to its length before the call, so no torn chunk stays
 * behind, and a full disk surfaces as `disk_full`. Callers serialise appends to the same files.
 */
export async function appendAllOrNothing(
  fs: SpeechFs,
  parts: { path: string; bytes: Uint8Array }[],
): Promise<void> {
  const before = await Promise.all(parts.map(async ({ path }) => (await sizeOf(fs, path)) ?? 0));
  try {
    for (const { path, bytes } of parts) await appendDurably(fs, path, bytes);
  } catch (error) {
    for (const [i, { path }] of parts.entries()) {
      await truncateTo(fs, path, before[i]!).catch((cause: unknown) =>
        console.error(`[lectern] could not cut ${path} back after a failed append:`, cause),
      );
    }
    const code = (error as { code?: unknown } | null)?.code;
    if (code === 'ENOSPC' || code === 'EDQUOT') throw new LecternError('disk_full');
    throw error;
  }
}

async function appendDurably(fs: SpeechFs, path: string, bytes: Uint8Array): Promise<void> {
  if (bytes.byteLength === 0) return;
  const handle = await fs.open(path, 'a');
  try {
    await writeAll(handle, bytes);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}

/** `write` may write less than asked (a disk filling up): loop until all is written or it throws. */
export async function writeAll(handle: FileHandlePort, bytes: Uint8Array): Promise<void> {
  for (let at = 0; at < bytes.byteLength;) {
    const { bytesWritten } = await handle.write(bytes, at, bytes.byteLength - at);
    if (bytesWritten <= 0) throw Object.assign(new Error('no progress writing'), { code: 'ENOSPC' });
    at += bytesWritten;
  }
}

async function truncateTo(fs: SpeechFs, path: string, length: number): Promise<void> {
  const handle = await fs.open(path, 'a');
  try {
    await handle.truncate(length);
    await handle.datasync();
  } finally {
    await handle.close();
  }
}
