import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { bytesToHex, hexToBytes, utf8ToBytes } from '@noble/hashes/utils.js';
import { createMemberKey, isKeyId, memberKeyFromSecret, signBytes, verifySignature } from './identity';

const seed = (n: number) => new Uint8Array(32).fill(n);

describe('member identity', () => {
  it('derives a stable hex key id from a seed', () => {
    const a = createMemberKey(seed(1));
    expect(isKeyId(a.keyId)).toBe(true);
    expect(createMemberKey(seed(1)).keyId).toBe(a.keyId);
    expect(memberKeyFromSecret(a.secretKey).keyId).toBe(a.keyId);
    expect(createMemberKey().keyId).not.toBe(createMemberKey().keyId);
  });

  it('verifies its own signatures and rejects others', () => {
    const coach = createMemberKey(seed(2));
    const member = createMemberKey(seed(3));
    const msg = utf8ToBytes('讲台 genesis');
    const sig = signBytes(coach, msg);
    expect(verifySignature(coach.keyId, msg, sig)).toBe(true);
    expect(verifySignature(member.keyId, msg, sig)).toBe(false);
    expect(verifySignature(coach.keyId, utf8ToBytes('other'), sig)).toBe(false);
    expect(verifySignature(coach.keyId, msg, 'zz')).toBe(false);
    expect(verifySignature('nope', msg, sig)).toBe(false);
  });

  it('rejects a signature with any one bit flipped (property)', () => {
    const key = createMemberKey(seed(4));
    fc.assert(
      fc.property(
        fc.uint8Array({ minLength: 1, maxLength: 64 }),
        fc.nat(),
        fc.integer({ min: 0, max: 7 }),
        (msg, at, bit) => {
          const sig = signBytes(key, msg);
          const bytes = hexToBytes(sig);
          bytes[at % 64]! ^= 1 << bit;
          expect(verifySignature(key.keyId, msg, bytesToHex(bytes))).toBe(false);
          const tampered = Uint8Array.from(msg);
          tampered[at % msg.length]! ^= 1 << bit;
          expect(verifySignature(key.keyId, tampered, sig)).toBe(false);
        },
      ),
      { numRuns: 100 },
    );
  });
});
