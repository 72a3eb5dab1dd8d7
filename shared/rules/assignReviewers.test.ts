import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { assignReviewers } from './assignReviewers';

const keyArb = fc.stringMatching(/^[0-9a-f]{8}$/);

describe('assignReviewers', () => {
  it('gives each of five submitters two others to critique', () => {
    const out = assignReviewers('week-1', ['a', 'b', 'c', 'd', 'e'], 2);
    expect(Object.keys(out).sort()).toEqual(['a', 'b', 'c', 'd', 'e']);
    for (const [reviewer, reviewees] of Object.entries(out)) {
      expect(reviewees).toHaveLength(2);
      expect(reviewees).not.toContain(reviewer);
    }
    expect(assignReviewers('week-1', [], 2)).toEqual({});
    expect(assignReviewers('week-1', ['solo'], 2)).toEqual({ solo: [] });
  });

  it('is fair, deterministic, never self-reviewing, and gives every submission min(K, n-1) critiques (property)', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.uniqueArray(keyArb, { maxLength: 40 }),
        fc.integer({ min: 0, max: 8 }),
        fc.array(fc.nat(), { maxLength: 5 }),
        (seed, submitters, k, dupIdx) => {
          const out = assignReviewers(seed, submitters, k);
          // Same result whatever order (or duplication) the submitters come in.
          const shuffled = [...submitters]
            .reverse()
            .concat(dupIdx.map((i) => submitters[i % Math.max(1, submitters.length)]!).filter(Boolean));
          expect(assignReviewers(seed, shuffled, k)).toEqual(out);
          const n = submitters.length;
          const want = Math.min(k, Math.max(0, n - 1));
          const received = new Map(submitters.map((s) => [s, 0]));
          const loads = Object.values(out).map((l) => l.length);
          if (n > 0) expect(Math.max(...loads) - Math.min(...loads)).toBeLessThanOrEqual(1);
          for (const [reviewer, reviewees] of Object.entries(out)) {
            expect(reviewees).not.toContain(reviewer);
            expect(new Set(reviewees).size).toBe(reviewees.length);
            for (const r of reviewees) received.set(r, received.get(r)! + 1);
          }
          for (const count of received.values()) expect(count).toBeGreaterThanOrEqual(want);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('changes the circle from one occurrence to the next', () => {
    const people = Array.from({ length: 12 }, (_, i) => `m${i}`);
    const a = assignReviewers('x#1', people, 2);
    const b = assignReviewers('x#2', people, 2);
    expect(a).not.toEqual(b);
  });
});
