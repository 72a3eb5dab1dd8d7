import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { markerReachPx, nearestMarker } from './nearestMarker';

describe('nearestMarker', () => {
  it('finds the marker under the pointer, within a few pixels, and the nearer of two', () => {
    // 60 s over 600 px: 10 px a second.
    expect(nearestMarker([4_000], 40, 600, 60_000)).toBe(4_000);
    expect(nearestMarker([4_000], 40 + markerReachPx, 600, 60_000)).toBe(4_000);
    expect(nearestMarker([4_000], 40 + markerReachPx + 1, 600, 60_000)).toBeNull();
    expect(nearestMarker([4_000, 4_800], 45, 600, 60_000)).toBe(4_800);
    expect(nearestMarker([], 45, 600, 60_000)).toBeNull();
    expect(nearestMarker([4_000], 40, 0, 60_000)).toBeNull();
  });

  it('never names a marker farther than its reach, and always one within it', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 600_000 }), { maxLength: 30 }),
        fc.double({ min: 0, max: 1200, noNaN: true }),
        (moments, x) => {
          const at = nearestMarker(moments, x, 1200, 600_000);
          const px = (ms: number) => (ms / 600_000) * 1200;
          const within = moments.filter((ms) => Math.abs(px(ms) - x) <= markerReachPx);
          if (within.length === 0) expect(at).toBeNull();
          else {
            expect(at).not.toBeNull();
            const best = Math.min(...within.map((ms) => Math.abs(px(ms) - x)));
            expect(Math.abs(px(at!) - x)).toBe(best);
          }
        },
      ),
    );
  });
});
