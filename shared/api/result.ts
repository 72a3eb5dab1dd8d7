// What every call returns across a transport: a value or a serialized error, never a thrown exception
// (Electron's invoke would flatten an exception into a string and lose its code).
import type { SerializedError } from './errors';

export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: SerializedError };
