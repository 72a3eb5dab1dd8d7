import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { Utf8Error, decodeUtf8, decodeUtf8Js } from './utf8';

describe('decodeUtf8', () => {
  it('round-trips any string of valid code points (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (s) => {
        expect(decodeUtf8(utf8ToBytes(s))).toBe(s);
      }),
      { numRuns: 200 },
    );
  });

  it('decodes Chinese text and long inputs', () => {
    const s = '讲台 Lectern '.repeat(5000);
    expect(decodeUtf8(utf8ToBytes(s))).toBe(s);
  });

  it('rejects overlong, truncated and surrogate sequences', () => {
    for (const bad of [
      [0xc0, 0x80],
      [0xe8, 0xae],
      [0xed, 0xa0, 0x80],
      [0xff],
      [0x80],
      [0xf4, 0x90, 0x80, 0x80],
    ]) {
      expect(() => decodeUtf8(Uint8Array.from(bad))).toThrow(Utf8Error);
    }
  });

  it('gives the same verdict with the platform decoder as with the JS one, BOM kept (property)', () => {
    const verdict = (f: (b: Uint8Array) => string, b: Uint8Array) => {
      try {
        return f(b);
      } catch (err) {
        return err instanceof Utf8Error ? 'error' : 'other';
      }
    };
    expect(decodeUtf8(Uint8Array.from([0xef, 0xbb, 0xbf, 0x41]))).toBe('\ufeffA');
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        expect(verdict(decodeUtf8, bytes)).toBe(verdict(decodeUtf8Js, bytes));
      }),
      { numRuns: 500 },
    );
  });
});
