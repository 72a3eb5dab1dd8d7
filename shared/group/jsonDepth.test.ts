import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nestsWithin } from './jsonDepth';

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

describe('nestsWithin', () => {
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
});
