// The HTTP transport's body encoding: MessagePack carries binary (audio chunks) as raw bytes,
// where JSON would need base64 and a third more size.
import { decode, encode } from '@msgpack/msgpack';

export const wireContentType = 'application/msgpack';

export function encodeWire(value: unknown): Uint8Array {
  return encode(value, { ignoreUndefined: true });
}

export function decodeWire(bytes: Uint8Array): unknown {
  return decode(bytes);
}
