// Opens a file the member picked or dropped (in Electron the renderer names it by path, so the bytes
// never cross IPC) for main to copy into a speech. Only a regular file of the size the renderer saw is
// read: a directory, a device, a FIFO or a socket (also behind a symlink) is refused before any byte
// moves, with an error key the UI can show.
import { constants, promises as fs } from 'node:fs';
import type { Readable } from 'node:stream';
import { isAbsolute } from 'node:path';
import { LecternError } from '../../../shared/api/errors';

export interface ImportSource {
  stream: Readable;
  close(): Promise<void>;
}

export async function openImportSource(path: string, expectedBytes: number): Promise<ImportSource> {
  if (!isAbsolute(path)) throw new LecternError('invalid_input', 'errors.importNotAFile', { path });
  let handle: fs.FileHandle;
  try {
    // Non-blocking, so a FIFO is refused below rather than hanging the open until a writer comes.
    handle = await fs.open(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (code === 'ENOENT' || code === 'ENOTDIR')
      throw new LecternError('not_found', 'errors.importFileMissing', { path });
    if (code === 'EISDIR' || code === 'ENXIO' || code === 'ELOOP')
      throw new LecternError('invalid_input', 'errors.importNotAFile', { path });
    if (code === 'EACCES' || code === 'EPERM')
      throw new LecternError('forbidden', 'errors.importNotReadable', { path });
    throw error;
  }
  try {
    // Checked on the open file, not the path: what is read is what was checked.
    const stats = await handle.stat();
    if (!stats.isFile()) throw new LecternError('invalid_input', 'errors.importNotAFile', { path });
    if (stats.size !== expectedBytes)
      throw new LecternError('invalid_input', 'errors.importFileChanged', { path });
  } catch (error) {
    await handle.close();
    throw error;
  }
  return {
    stream: handle.createReadStream({ autoClose: false, highWaterMark: 1024 * 1024 }),
    close: () => handle.close(),
  };
}
