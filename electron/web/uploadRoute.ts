// PUT /upload/speeches/<speechId>: an imported file's bytes in one streamed request body, written
// straight into the speech by main (no per-chunk round trips, nothing held in memory). The web host
// authenticates the tab first, as for /api/; this checks the path and the declared length, which the
// store holds the body to exactly. The answer is a CallResult in the wire format, as /api/ gives.
import type { IncomingMessage } from 'node:http';
import { coerceError, LecternError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/result';
import { SpeechId } from '../../shared/domain/speech';

/** Appends exactly `bytes` from `body` to an import's audio; refuses (throws) anything else. */
export type SpeechUploader = (
  speechId: string,
  body: AsyncIterable<Uint8Array>,
  bytes: number,
) => Promise<{ audioBytes: number }>;

export const uploadPrefix = '/upload/';
const speechUpload = /^\/upload\/speeches\/([^/]+)$/;

export async function receiveUpload(
  pathname: string,
  request: IncomingMessage,
  upload: SpeechUploader | undefined,
  onUnexpected: (thrown: unknown) => void,
): Promise<{ status: number; result: CallResult }> {
  const id = speechUpload.exec(pathname)?.[1];
  const speechId = id === undefined ? undefined : SpeechId.safeParse(id);
  if (!upload || !speechId?.success) return refused(404, new LecternError('not_found'));
  const length = request.headers['content-length'];
  // A chunked body has no length to hold it to, and would only be refused after it was read.
  if (length === undefined || !/^\d{1,15}$/.test(length))
    return refused(411, new LecternError('invalid_input', 'errors.lengthMismatch'));
  try {
    return { status: 200, result: { ok: true, value: await upload(speechId.data, request, Number(length)) } };
  } catch (thrown) {
    const error = coerceError(thrown, onUnexpected);
    return refused(statusOf(error), error);
  }
}

function refused(status: number, error: LecternError): { status: number; result: CallResult } {
  return { status, result: { ok: false, error: error.toJSON() } };
}

function statusOf(error: LecternError): number {
  if (error.messageKey === 'errors.too_large') return 413;
  if (error.code === 'not_found') return 404;
  if (error.code === 'invalid_input') return 400;
  if (error.code === 'disk_full') return 507;
  return 500;
}
