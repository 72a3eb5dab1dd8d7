import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  CanonicalJsonError,
  canonicalBytes,
  canonicalHash,
  canonicalJson,
  canonicalSpelling,
} from './canonical';
import { jsonShape } from './jsonDepth';

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

  it('spells what JSON.parse made of any text exactly as canonicalJson does, or refuses it alike (property)', () => {
    // Any UTF-16 code unit, lone surrogates included; integer-like keys; keys in any order.
    const anyString = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    const key = fc.oneof(anyString, fc.nat(20).map(String), fc.constantFrom('a', 'b', 'é', '讲'));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: 'small' },
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        fc.integer(),
        anyString,
        fc.boolean(),
        fc.constant(null),
        tie('array'),
        tie('object'),
      ),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    })).value;
    const spelled = (f: () => string) => {
      try {
        return f();
      } catch (err) {
        return err instanceof CanonicalJsonError ? 'refused' : `threw ${String(err)}`;
      }
    };
    fc.assert(
      fc.property(json, fc.boolean(), (value, canonicalText) => {
        // The text as a writer spells it: canonical when it can be, or as JSON.stringify lists it.
        const text = canonicalText ? spelled(() => canonicalJson(value)) : JSON.stringify(value);
        if (text === 'refused') return;
        const parsed: unknown = JSON.parse(text);
        const spell = canonicalSpelling(text, jsonShape(parsed, 64));
        expect(spelled(() => spell(parsed))).toBe(spelled(() => canonicalJson(parsed)));
      }),
      { numRuns: 500 },
    );
  });
});
