// The native shortcuts must agree with the pure code in shared/ on every input, or two computers
// (or the CLI and the app) would disagree about which events a folder holds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { nativeSha256Hex } from './nativeCrypto';

describe('nativeSha256Hex', () => {
  it('hashes any string exactly as the pure code does (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 300 }), (text) => {
        expect(nativeSha256Hex(text)).toBe(bytesToHex(sha256(utf8ToBytes(text))));
      }),
      { numRuns: 500 },
    );
    expect(nativeSha256Hex('演讲 \ud800 lone')).toBe(bytesToHex(sha256(utf8ToBytes('演讲 \ud800 lone'))));
  });
});
