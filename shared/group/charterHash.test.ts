import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalHash } from './canonical';
import { charterHash } from './roster';

describe('charterHash', () => {
  it('is the canonical hash of whichever charter is asked, in any order of asking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ unit: 'grapheme', maxLength: 40 }), { minLength: 1, maxLength: 12 }),
        (charters) => {
          for (const charter of charters) expect(charterHash(charter)).toBe(canonicalHash(charter));
        },
      ),
    );
  });

  it('tells apart charters that differ by one character, asked one after the other', () => {
    expect(charterHash('每周一次演讲。')).not.toBe(charterHash('每周两次演讲。'));
    expect(charterHash('每周一次演讲。')).toBe(canonicalHash('每周一次演讲。'));
  });
});
