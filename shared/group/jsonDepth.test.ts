import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonShape } from './jsonDepth';

const nestsWithin = (value: unknown, max: number) => jsonShape(value, max).withinDepth;

/** A recursive reference implementation, fine for the small depths fast-check makes. */
function depthOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const children = Array.isArray(value) ? value : Object.values(value);
  return 1 + Math.max(0, ...children.map(depthOf));
}

function nested(depth: number): unknown {
  let value: unknown = 'leaf';
  for (let i = 0; i < depth; i++) value = i % 2 ? [value] : { k: value };
  return value;
}

describe('jsonShape', () => {
  it('agrees with the depth of any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 10 }), (value, max) => {
        expect(nestsWithin(value, max)).toBe(depthOf(value) <= max);
      }),
    );
  });

  it('refuses a body nested far deeper than any stack allows, without recursion', () => {
    expect(nestsWithin(nested(32), 32)).toBe(true);
    expect(nestsWithin(nested(33), 32)).toBe(false);
    expect(nestsWithin(JSON.parse('['.repeat(200_000) + ']'.repeat(200_000)), 32)).toBe(false);
  });

  it('tells whether every object lists its keys in canonical order, as JSON.parse left them (property)', () => {
    const inOrder = (value: unknown): boolean => {
      if (typeof value !== 'object' || value === null) return true;
      if (Array.isArray(value)) return value.every(inOrder);
      const keys = Object.keys(value);
      return keys.join('\u0000') === [...keys].sort().join('\u0000') && Object.values(value).every(inOrder);
    };
    // Keys as members type them, and integer-like keys, which JS objects list first whatever the text says.
    const key = fc.oneof(fc.string({ maxLength: 3 }), fc.nat(20).map(String));
    const json = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small' }, fc.integer(), fc.string(), tie('array'), tie('object')),
      array: fc.array(tie('value'), { maxLength: 3 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    })).value;
    fc.assert(
      fc.property(json, (value) => {
        const parsed: unknown = JSON.parse(JSON.stringify(value));
        expect(jsonShape(parsed, 64).keysInOrder).toBe(inOrder(parsed));
      }),
      { numRuns: 300 },
    );
    expect(jsonShape(JSON.parse('{"b":1,"a":2}'), 4).keysInOrder).toBe(false);
    expect(jsonShape(JSON.parse('{"10":1,"9":2}'), 4).keysInOrder).toBe(false); // listed 9, 10
    expect(jsonShape(JSON.parse('[{"a":{"c":1,"d":[{"e":0,"f":0}]}}]'), 8).keysInOrder).toBe(true);
  });
});
