// The native shortcuts must agree with the pure code in shared/ on every input, or two computers
// (or the CLI and the app) would disagree about which events a folder holds.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';
import { createMemberKey, signBytes, verifySignature } from '../../../shared/group/identity';
import { nativeSha256Hex, nativeVerifyOffThread, nativeVerifySignature } from './nativeCrypto';

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

describe('native Ed25519 verification', () => {
  const key = createMemberKey(new Uint8Array(32).fill(7));
  const other = createMemberKey(new Uint8Array(32).fill(9));
  // The identity point: a small-order key OpenSSL may accept, which the pure verifier refuses.
  const smallOrder = '01' + '00'.repeat(31);

  it('gives the pure verdict, on this thread and off it, for signatures good, tampered and forged (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uint8Array({ maxLength: 200 }),
        fc.constantFrom('good', 'message', 'signature', 'signer', 'small-order', 'not-hex'),
        async (message, change) => {
          let [keyId, signed, signature] = [key.keyId, message, signBytes(key, message)];
          if (change === 'message') signed = Uint8Array.from([...message, 1]);
          if (change === 'signature') signature = (signature[0] === '0' ? '1' : '0') + signature.slice(1);
          if (change === 'signer') keyId = other.keyId;
          if (change === 'small-order') [keyId, signature] = [smallOrder, '00'.repeat(64)];
          if (change === 'not-hex') signature = signature.toUpperCase();
          const pure = verifySignature(keyId, signed, signature);
          expect(pure).toBe(change === 'good');
          expect(nativeVerifySignature(keyId, signed, signature)).toBe(pure);
          expect(await nativeVerifyOffThread(keyId, signed, signature)).toBe(pure);
        },
      ),
      { numRuns: 120 },
    );
  });
});
