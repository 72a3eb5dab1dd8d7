// Strict UTF-8 decoding for bytes from the group folder: a lenient decoder would let two
// different files decode to one string. Uses the platform's TextDecoder in fatal mode where
// there is one (both Node and browsers; shared/ has it in no typings), else a JS decoder.

export class Utf8Error extends Error {
  override readonly name = 'Utf8Error';
  constructor(readonly offset: number) {
    super(`invalid UTF-8 at byte ${offset}`);
  }
}

interface StrictDecoder {
  decode(bytes: Uint8Array): string;
}
type DecoderCtor = new (label: string, options: { fatal: boolean; ignoreBOM: boolean }) => StrictDecoder;
const Native = (globalThis as { TextDecoder?: DecoderCtor }).TextDecoder;
// fatal: throw on any ill-formed sequence (overlong, surrogate, truncated); ignoreBOM: keep a BOM
// as U+FEFF, like the JS decoder, so JSON.parse rejects it.
const native = Native ? new Native('utf-8', { fatal: true, ignoreBOM: true }) : null;

/** Decodes UTF-8, throwing {@link Utf8Error} on any malformed, overlong or surrogate sequence. */
export function decodeUtf8(bytes: Uint8Array): string {
  if (native) {
    try {
      return native.decode(bytes);
    } catch {
      decodeUtf8Js(bytes); // throws with the offset of the first bad byte
    }
  }
  return decodeUtf8Js(bytes);
}

/** The reference decoder (and the one used where the platform has none). */
export function decodeUtf8Js(bytes: Uint8Array): string {
  const parts: string[] = [];
  let codes: number[] = [];
  let i = 0;
  while (i < bytes.length) {
    const b0 = bytes[i]!;
    let cp: number;
    let len: number;
    if (b0 < 0x80) {
      cp = b0;
      len = 1;
    } else if (b0 >= 0xc2 && b0 <= 0xdf) {
      cp = b0 & 0x1f;
      len = 2;
    } else if (b0 >= 0xe0 && b0 <= 0xef) {
      cp = b0 & 0x0f;
      len = 3;
    } else if (b0 >= 0xf0 && b0 <= 0xf4) {
      cp = b0 & 0x07;
      len = 4;
    } else throw new Utf8Error(i);
    if (i + len > bytes.length) throw new Utf8Error(i);
    for (let k = 1; k < len; k++) {
      const b = bytes[i + k]!;
      if ((b & 0xc0) !== 0x80) throw new Utf8Error(i + k);
      cp = (cp << 6) | (b & 0x3f);
    }
    const min = len === 1 ? 0 : len === 2 ? 0x80 : len === 3 ? 0x800 : 0x10000;
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) throw new Utf8Error(i);
    codes.push(cp);
    if (codes.length >= 8192) {
      parts.push(String.fromCodePoint(...codes));
      codes = [];
    }
    i += len;
  }
  parts.push(String.fromCodePoint(...codes));
  return parts.join('');
}
