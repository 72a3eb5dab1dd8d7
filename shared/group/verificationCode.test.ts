import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { verificationCode } from './verificationCode';

const keyIdArb = fc.stringMatching(/^[0-9a-f]{64}$/);
const FORMAT = /^\d{4} \d{4} \d{4} \d{4}$/;

/** The derivation again, over the platform's WebCrypto instead of @noble/hashes. */
async function independentCode(keyId: string): Promise<string> {
  const input = new TextEncoder().encode(`lectern-verify/1\n${keyId}`);
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', input));
  const hex = [...digest.subarray(0, 16)].map((b) => b.toString(16).padStart(2, '0')).join('');
  const digits = (BigInt(`0x${hex}`) % 10n ** 16n).toString().padStart(16, '0');
  return `${digits.slice(0, 4)} ${digits.slice(4, 8)} ${digits.slice(8, 12)} ${digits.slice(12)}`;
}

describe('verificationCode', () => {
  it('pins the derivation with a known vector', async () => {
    const keyId = '0123456789abcdef'.repeat(4);
    // Computed once with Python's hashlib; WebCrypto must agree with it and with the code.
    expect(await independentCode(keyId)).toBe('7922 7307 3689 8178');
    expect(verificationCode(keyId)).toBe('7922 7307 3689 8178');
    expect(verificationCode('0'.repeat(64))).toBe(await independentCode('0'.repeat(64)));
  });

  it('is four groups of four digits, the same every time, and the independent derivation (property)', async () => {
    await fc.assert(
      fc.asyncProperty(keyIdArb, async (keyId) => {
        const code = verificationCode(keyId);
        expect(code).toMatch(FORMAT);
        expect(verificationCode(keyId)).toBe(code);
        expect(code).toBe(await independentCode(keyId));
      }),
    );
  });

  it('gives different keys different codes (property)', () => {
    fc.assert(
      fc.property(keyIdArb, keyIdArb, (a, b) => {
        fc.pre(a !== b);
        expect(verificationCode(a)).not.toBe(verificationCode(b));
      }),
    );
  });

  it('keeps leading zeros and spreads over every digit position', () => {
    // 2,000 random keys: each of the 16 positions takes each digit; a code below 10^15 keeps its zeros.
    const codes = fc.sample(keyIdArb, { numRuns: 2000, seed: 11 }).map(verificationCode);
    for (let position = 0; position < 16; position++) {
      const seen = new Set(codes.map((code) => code.replaceAll(' ', '')[position]));
      expect(seen.size, `position ${position}`).toBe(10);
    }
    expect(codes.every((code) => FORMAT.test(code))).toBe(true);
  });

  it('refuses anything but a lowercase 64-hex key id', () => {
    for (const bad of ['', 'ab'.repeat(31), 'AB'.repeat(32), ` ${'a'.repeat(64)}`, 'g'.repeat(64)]) {
      expect(() => verificationCode(bad), JSON.stringify(bad)).toThrow(RangeError);
    }
  });
});
