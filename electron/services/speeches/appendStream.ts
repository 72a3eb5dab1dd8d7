// Appends a stream (an upload's body, a file main copies itself) to a file, hashing and counting as it
// writes, so the bytes cross the disk once and nothing reads them back to hash them. All or nothing:
// a stream that fails, overflows or ends short leaves the file cut back to its length before the call.
import { createHash } from 'node:crypto';
import { LecternError } from '../../../shared/api/errors';
import { sizeOf, writeAll, type SpeechFs } from './speechFs';

export interface Appended {
  /** Bytes appended. */
  bytes: number;
  /** SHA-256 (hex) of the bytes appended. */
  sha256: string;
}

/**
 * Appends exactly `expectedBytes` from `source` to `path`, flushed before it returns. More or fewer
 * bytes are refused (`errors.lengthMismatch`), with the file as it was.
 */
export async function appendStream(
  fs: SpeechFs,
  path: string,
  source: AsyncIterable<Uint8Array>,
  expectedBytes: number,
): Promise<Appended> {
  const before = (await sizeOf(fs, path)) ?? 0;
  const hash = createHash('sha256');
  let bytes = 0;
  const handle = await fs.open(path, 'a');
  try {
    try {
      for await (const chunk of source) {
        bytes += chunk.byteLength;
        if (bytes > expectedBytes) throw new LecternError('invalid_input', 'errors.lengthMismatch');
        hash.update(chunk);
        await writeAll(handle, chunk);
      }
      if (bytes !== expectedBytes) throw new LecternError('invalid_input', 'errors.lengthMismatch');
      await handle.datasync();
    } catch (error) {
      await handle
        .truncate(before)
        .catch((cause: unknown) =>
          console.error(`[lectern] could not cut ${path} back after a failed append:`, cause),
        );
      const code = (error as { code?: unknown } | null)?.code;
      if (code === 'ENOSPC' || code === 'EDQUOT') throw new LecternError('disk_full');
      // A stream that broke off (an upload aborted or cut short) is the sender's doing, not ours.
      if (error instanceof LecternError) throw error;
      if (code === 'ECONNRESET' || code === 'ERR_STREAM_PREMATURE_CLOSE' || isAborted(error))
        throw new LecternError('invalid_input', 'errors.lengthMismatch');
      throw error;
    }
  } finally {
    await handle.close();
  }
  return { bytes, sha256: hash.digest('hex') };
}

function isAborted(error: unknown): boolean {
  return (error as { message?: unknown } | null)?.message === 'aborted';
}
