import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { figures, median, percentile } from './figures';

const samples = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { minLength: 1, maxLength: 40 });

describe('figures', () => {
  it('orders min ≤ median ≤ max, whatever order the measurements came in', () => {
    // Found by the property below, one run in many: -0 and +0 compare equal.
    expect(figures([0, -0])).toEqual(figures([-0, 0]));
    fc.assert(
      fc.property(samples, (xs) => {
        const f = figures(xs);
        expect(f.min).toBeLessThanOrEqual(f.median);
        expect(f.median).toBeLessThanOrEqual(f.max);
        expect(figures([...xs].reverse())).toEqual(f);
        expect(f.count).toBe(xs.length);
      }),
    );
  });

  it('takes the middle value of an odd count, the mean of the middle two of an even one', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    fc.assert(
      fc.property(samples, (xs) => {
        const odd = xs.length % 2 ? xs : xs.slice(1);
        expect(odd).toContain(median(odd));
      }),
    );
  });

  it('refuses to summarise nothing, or a NaN', () => {
    expect(() => figures([])).toThrow(RangeError);
    expect(() => median([1, NaN, 2])).toThrow(RangeError);
  });
});

describe('percentile', () => {
  it('is a measured value, rising with p from the smallest to the largest', () => {
    fc.assert(
      fc.property(
        samples,
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xs, p, q) => {
          const [low, high] = p <= q ? [p, q] : [q, p];
          expect(xs).toContain(percentile(xs, low));
          expect(percentile(xs, low)).toBeLessThanOrEqual(percentile(xs, high));
          expect(percentile(xs, 0)).toBe(Math.min(...xs));
          expect(percentile(xs, 1)).toBe(Math.max(...xs));
        },
      ),
    );
  });

  it('takes the nearest rank: p95 of 1..20 is 19, p50 is 10', () => {
    const xs = Array.from({ length: 20 }, (_, i) => 20 - i);
    expect(percentile(xs, 0.95)).toBe(19);
    expect(percentile(xs, 0.5)).toBe(10);
  });

  it('refuses a fraction outside 0..1 (a p given as 95 instead of 0.95)', () => {
    expect(() => percentile([1, 2, 3], 95)).toThrow(RangeError);
  });
});
