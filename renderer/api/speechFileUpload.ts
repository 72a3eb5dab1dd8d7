// Moving an imported file's bytes into its speech, one way per transport (api.ts picks one, once): in
// Electron main copies the file from its path itself; in a browser it streams in one upload
// (httpUpload.ts). Either way the bytes move once, and the caller cannot tell which it got.
import type { Contract, Events } from '../../shared/api/contract';
import type { ApiClient, DesktopBridge } from '../../shared/api/contractTypes';

export interface UploadOptions {
  signal?: AbortSignal;
  /** The fraction of the file's bytes that reached the speech, 0..1; as often as the transport knows. */
  onProgress?: (fraction: number) => void;
}

/** Writes all of `file` into the audio of the import `speechId` (begun, not yet finished). */
export type SpeechFileUpload = (speechId: string, file: File, options?: UploadOptions) => Promise<void>;

/** A file with no path (made in memory, e.g. taken out of an archive) still crosses IPC, in chunks this big. */
const chunkBytes = 4 * 1024 * 1024;

export function createDesktopUpload(
  bridge: DesktopBridge<File>,
  api: ApiClient<Contract, Events>,
): SpeechFileUpload {
  return async (speechId, file, { signal, onProgress } = {}) => {
    signal?.throwIfAborted();
    const path = bridge.pathForFile(file);
    if (path) {
      // One call: main copies at disk speed, so there is no progress between 0 and 1 to tell.
      await api.call('speeches.importFrom', { speechId, path, bytes: file.size });
      onProgress?.(1);
      return;
    }
    for (let at = 0; at < file.size; at += chunkBytes) {
      signal?.throwIfAborted();
      const audio = new Uint8Array(await file.slice(at, at + chunkBytes).arrayBuffer());
      await api.call('speeches.append', { speechId, audio });
      onProgress?.(Math.min(file.size, at + chunkBytes) / file.size);
    }
  };
}
