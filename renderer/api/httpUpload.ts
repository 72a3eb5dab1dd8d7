// The browser's way to move an imported file into its speech: one PUT to the loopback host with the
// File as its body, which the browser streams from disk (no per-chunk round trips, nothing read into
// this page's memory). XMLHttpRequest rather than fetch, because only it reports upload progress.
import { LecternError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/result';
import { authFailureOf, sessionHeader } from '../../shared/api/webSession';
import { decodeWire, wireContentType } from '../../shared/api/wire';
import { sessionErrorKey } from './httpBridge';
import type { SpeechFileUpload } from './speechFileUpload';

export function createHttpUpload(options: {
  session(): string | undefined;
  baseUrl?: string;
}): SpeechFileUpload {
  return (speechId, file, { signal, onProgress } = {}) =>
    new Promise<void>((resolve, reject) => {
      signal?.throwIfAborted();
      const request = new XMLHttpRequest();
      request.open('PUT', `${options.baseUrl ?? ''}/upload/speeches/${encodeURIComponent(speechId)}`);
      const secret = options.session();
      if (secret) request.setRequestHeader(sessionHeader, secret);
      request.responseType = 'arraybuffer';
      request.upload.onprogress = (event) => {
        if (event.lengthComputable && event.total > 0) onProgress?.(event.loaded / event.total);
      };
      const abort = () => request.abort();
      signal?.addEventListener('abort', abort, { once: true });
      const settle = (error?: unknown) => {
        signal?.removeEventListener('abort', abort);
        if (error === undefined) resolve();
        else reject(error instanceof Error ? error : new Error(String(error)));
      };
      request.onabort = () => settle(signal?.reason ?? new DOMException('Upload aborted', 'AbortError'));
      request.onerror = () => settle(new LecternError('unavailable', 'errors.offline'));
      request.onload = () => {
        const result = resultOf(request);
        if (result.ok) return settle();
        settle(LecternError.fromSerialized(result.error));
      };
      request.send(file);
    });
}

/** The host answers with a CallResult; a refused session (401/403) with a reason in a header. */
function resultOf(request: XMLHttpRequest): CallResult {
  if (
    request.getResponseHeader('Content-Type') === wireContentType &&
    request.response instanceof ArrayBuffer
  )
    return decodeWire(new Uint8Array(request.response)) as CallResult;
  const reason = authFailureOf(request.getResponseHeader('WWW-Authenticate'));
  const code = request.status === 401 || request.status === 403 ? 'forbidden' : 'unavailable';
  return { ok: false, error: new LecternError(code, sessionErrorKey(reason)).toJSON() };
}
