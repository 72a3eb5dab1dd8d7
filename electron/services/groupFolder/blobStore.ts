// Content-addressed media (audio and waveform peaks) in the group folder, named by SHA-256
// under the writing device's directory. A reader checks the hash before trusting the bytes
// (design rule 3); the author may delete their own blob to withdraw a recording.
import { createHash } from 'node:crypto';
import { constants, createReadStream, promises as fs } from 'node:fs';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex } from '@noble/hashes/utils.js';
import { BLOBS_DIR, DEVICES_DIR, blobPath } from '../../../shared/group/folderLayout';
import { FileExistsError, sweepStaleTemps, writeFileAtomic, writeStreamAtomic } from './atomicWrite';
import { UnsafePathError, lstatInside, readInside, resolveInside } from './safePath';

/** Bigger than any speech we expect (an hour of Opus is ~30 MB, of WAV ~600 MB). */
export const MAX_BLOB_BYTES = 1024 * 1024 * 1024;

export type BlobFailure = 'missing' | 'hash-mismatch' | 'oversized' | 'symlink' | 'not-a-file' | 'bad-name';
export type BlobResult = { ok: true; bytes: Uint8Array } | { ok: false; reason: BlobFailure };

const SHA_RE = /^[0-9a-f]{64}$/;
const DEVICE_RE = /^[0-9a-f]{16}$/;

export class BlobStore {
  private swept = false;

  constructor(
    private readonly folder: string,
    /** This computer's device id: the only directory it writes blobs into. */
    private readonly deviceId: string,
    private readonly maxBytes = MAX_BLOB_BYTES,
    private readonly now: () => number = Date.now,
  ) {}

  /** This device's own blob directory, relative to the folder. */
  private get ownDir(): string {
    return `${DEVICES_DIR}/${this.deviceId}/${BLOBS_DIR}`;
  }

  /** Stores bytes under their SHA-256 (no-op when already there); returns the hash. */
  async put(bytes: Uint8Array): Promise<string> {
    const sha = bytesToHex(sha256(bytes));
    const rel = blobPath(this.deviceId, sha);
    const present = await lstatInside(this.folder, rel).then(
      () => true,
      () => false,
    );
    if (!present) await writeFileAtomic(this.folder, rel, bytes);
    await this.sweep();
    return sha;
  }

  /**
   * Stores a file's bytes under their SHA-256, streamed: hashed while copied to a temporary name, then
   * renamed (a video of hundreds of MB is never held in memory). The same name and bytes as
   * {@link put}; returns the hash.
   */
  async putFile(source: string): Promise<string> {
    const hash = createHash('sha256');
    async function* hashed(): AsyncGenerator<Uint8Array> {
      for await (const chunk of createReadStream(source, { highWaterMark: 1 << 20 })) {
        hash.update(chunk as Buffer);
        yield chunk as Buffer;
      }
    }
    let sha = '';
    try {
      await writeStreamAtomic(this.folder, this.ownDir, hashed(), () => (sha = hash.digest('hex')));
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err; // already stored: the same bytes under the same name
    }
    await this.sweep();
    return sha;
  }

  /** Removes stale temp files a crashed put left in this device's own blob directory (once per store). */
  async sweep(): Promise<string[]> {
    if (this.swept) return [];
    const removed = await sweepStaleTemps(this.folder, this.ownDir, this.now()).catch(() => null);
    this.swept = removed !== null;
    return removed ?? [];
  }

  /** Reads a blob from any device's directory, only if its bytes hash to its name. */
  async get(deviceId: string, sha: string): Promise<BlobResult> {
    if (!SHA_RE.test(sha) || !DEVICE_RE.test(deviceId)) return { ok: false, reason: 'bad-name' };
    try {
      const bytes = await readInside(this.folder, blobPath(deviceId, sha), this.maxBytes);
      return bytesToHex(sha256(bytes)) === sha ? { ok: true, bytes } : { ok: false, reason: 'hash-mismatch' };
    } catch (err) {
      return { ok: false, reason: blobFailure(err) };
    }
  }

  /** Checks a blob's hash by streaming it (for large audio), without keeping the bytes. */
  async verify(deviceId: string, sha: string): Promise<{ ok: true } | { ok: false; reason: BlobFailure }> {
    return verifyBlobFile(this.folder, blobPath(deviceId, sha), sha, this.maxBytes);
  }

  /** Deletes one of this device's own blobs (withdrawing a recording). Others' blobs are never touched. */
  async delete(sha: string): Promise<boolean> {
    if (!SHA_RE.test(sha)) return false;
    const rel = blobPath(this.deviceId, sha);
    try {
      const stats = await lstatInside(this.folder, rel);
      if (!stats.isFile()) return false;
    } catch {
      return false;
    }
    await fs.rm(resolveInside(this.folder, rel));
    return true;
  }
}

/** Streams `relPath` through SHA-256 and compares with `sha`, refusing symlinks and oversized files. */
export async function verifyBlobFile(
  folder: string,
  relPath: string,
  sha: string,
  maxBytes = MAX_BLOB_BYTES,
): Promise<{ ok: true } | { ok: false; reason: BlobFailure }> {
  try {
    const stats = await lstatInside(folder, relPath);
    if (!stats.isFile()) return { ok: false, reason: 'not-a-file' };
    if (stats.size > maxBytes) return { ok: false, reason: 'oversized' };
    const hash = sha256.create();
    let total = 0;
    // O_NOFOLLOW: a symlink swapped in after the lstat above is still refused.
    const handle = await fs.open(
      resolveInside(folder, relPath),
      constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0),
    );
    try {
      const buffer = new Uint8Array(1 << 20);
      for (;;) {
        const { bytesRead } = await handle.read(buffer, 0, buffer.length, null);
        if (bytesRead === 0) break;
        total += bytesRead;
        if (total > maxBytes) return { ok: false, reason: 'oversized' };
        hash.update(buffer.subarray(0, bytesRead));
      }
    } finally {
      await handle.close();
    }
    return bytesToHex(hash.digest()) === sha ? { ok: true } : { ok: false, reason: 'hash-mismatch' };
  } catch (err) {
    return { ok: false, reason: blobFailure(err) };
  }
}

function blobFailure(err: unknown): BlobFailure {
  if (err instanceof UnsafePathError) {
    if (
      err.reason === 'symlink' ||
      err.reason === 'oversized' ||
      err.reason === 'not-a-file' ||
      err.reason === 'missing'
    )
      return err.reason;
    return 'bad-name';
  }
  const code = (err as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'missing';
  if (code === 'ELOOP') return 'symlink';
  throw err;
}
