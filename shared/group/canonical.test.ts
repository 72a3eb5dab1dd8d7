import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { CanonicalJsonError, canonicalBytes, canonicalHash, canonicalJson } from './canonical';

describe('canonical JSON', () => {
  it('orders keys and drops insignificant whitespace (RFC 8785)', () => {
    expect(canonicalJson({ b: 1, a: [true, null, '讲台'], c: { z: 1.5, y: 1e21 } })).toBe(
      '{"a":[true,null,"讲台"],"b":1,"c":{"y":1e+21,"z":1.5}}',
    );
  });

  it('gives the same bytes whatever the key order (property)', () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.jsonValue()), (obj) => {
        const reversed = Object.fromEntries(Object.entries(obj).reverse());
        expect(canonicalBytes(reversed)).toEqual(canonicalBytes(obj));
        expect(canonicalHash(reversed)).toBe(canonicalHash(obj));
      }),
      { numRuns: 100 },
    );
  });

  it('refuses values JSON cannot hold', () => {
    expect(() => canonicalJson(undefined)).toThrow(CanonicalJsonError);
    expect(() => canonicalJson({ n: Number.NaN })).toThrow(CanonicalJsonError);
  });
});
