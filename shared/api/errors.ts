// Errors are data: one type with a code, a message key the UI translates, and details.
// Anything unexpected becomes `internal`; its stack stays in main and never crosses a transport.

export const errorCodes = [
  'invalid_input',
  'unknown_method',
  'forbidden',
  'not_found',
  'disk_full',
  'unavailable',
  'internal',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface SerializedError {
  code: ErrorCode;
  /** i18n key under `errors.` in the renderer's locales. */
  messageKey: string;
  details?: Record<string, unknown>;
}

export class LecternError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly details: Record<string, unknown> | undefined;

  constructor(code: ErrorCode, messageKey: string = `errors.${code}`, details?: Record<string, unknown>) {
    super(`${code}: ${messageKey}`);
    this.name = 'LecternError';
    this.code = code;
    this.messageKey = messageKey;
    this.details = details;
  }

  toJSON(): SerializedError {
    return this.details === undefined
      ? { code: this.code, messageKey: this.messageKey }
      : { code: this.code, messageKey: this.messageKey, details: this.details };
  }

  static fromSerialized(error: SerializedError): LecternError {
    return new LecternError(error.code, error.messageKey, error.details);
  }
}

/** Turns anything thrown into a LecternError; `onUnexpected` sees the original for logging. */
export function coerceError(thrown: unknown, onUnexpected?: (thrown: unknown) => void): LecternError {
  if (thrown instanceof LecternError) return thrown;
  const code = (thrown as { code?: unknown } | null)?.code;
  if (code === 'ENOSPC' || code === 'EDQUOT') return new LecternError('disk_full');
  onUnexpected?.(thrown);
  return new LecternError('internal');
}
