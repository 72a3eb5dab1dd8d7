import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ClockDriftError,
  ClockOverflowError,
  HlcFormatError,
  MAX_DRIFT_MS,
  compareHlc,
  formatHlc,
  parseHlc,
  receiveHlc,
  tickHlc,
  zeroHlc,
} from './hlc';
import type { Hlc } from './hlc';

const NODE_A = '00000000000000aa';
const NODE_B = '00000000000000bb';
const T0 = Date.UTC(2026, 10, 26, 12, 0, 0);

const hlcArb: fc.Arbitrary<Hlc> = fc.record({
  millis: fc.integer({ min: 0, max: Date.UTC(9999, 11, 31, 23, 59, 59, 999) }),
  counter: fc.integer({ min: 0, max: 0xffff }),
  node: fc.stringMatching(/^[0-9a-f]{16}$/),
});

describe('hybrid logical clock', () => {
  it('formats with a fixed width and parses back', () => {
    const s = formatHlc({ millis: T0, counter: 10, node: NODE_A });
    expect(s).toBe('2026-11-26T12:00:00.000Z-000a-00000000000000aa');
    expect(parseHlc(s)).toEqual({ millis: T0, counter: 10, node: NODE_A });
  });

  it('round-trips its string format and sorts as strings sort (property)', () => {
    fc.assert(
      fc.property(hlcArb, hlcArb, (a, b) => {
        const sa = formatHlc(a);
        const sb = formatHlc(b);
        expect(sa).toHaveLength(46);
        expect(parseHlc(sa)).toEqual(a);
        expect(Math.sign(compareHlc(a, b))).toBe(Math.sign(sa < sb ? -1 : sa > sb ? 1 : 0));
      }),
      { numRuns: 200 },
    );
  });

  it('rejects malformed strings with a named error', () => {
    for (const bad of [
      '',
      'x',
      '2026-02-30T00:00:00.000Z-0000-00000000000000aa',
      '2026-11-26T12:00:00.000Z-000A-00000000000000aa',
    ]) {
      expect(() => parseHlc(bad)).toThrow(HlcFormatError);
    }
  });

  it('is strictly monotonic for any sequence of ticks and receives, whatever the wall clock does (property)', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('tick' as const), wall: fc.integer({ min: T0 - 5000, max: T0 + 5000 }) }),
      fc.record({
        kind: fc.constant('receive' as const),
        wall: fc.integer({ min: T0 - 5000, max: T0 + 5000 }),
        remote: fc.record({
          millis: fc.integer({ min: T0 - 5000, max: T0 + 5000 }),
          counter: fc.integer({ min: 0, max: 100 }),
        }),
      }),
    );
    fc.assert(
      fc.property(fc.array(step, { maxLength: 60 }), (steps) => {
        let clock = zeroHlc(NODE_A);
        for (const s of steps) {
          const next =
            s.kind === 'tick'
              ? tickHlc(clock, s.wall)
              : receiveHlc(clock, { ...s.remote, node: NODE_B }, s.wall);
          expect(compareHlc(next, clock)).toBeGreaterThan(0);
          expect(next.millis).toBeGreaterThanOrEqual(s.wall);
          if (s.kind === 'receive')
            expect(compareHlc(next, { ...s.remote, node: NODE_B })).toBeGreaterThan(0);
          clock = next;
        }
      }),
      { numRuns: 200 },
    );
  });

  it('refuses a clock implausibly far in the future', () => {
    const local = tickHlc(zeroHlc(NODE_A), T0);
    const ok = { millis: T0 + MAX_DRIFT_MS, counter: 0, node: NODE_B };
    expect(() => receiveHlc(local, ok, T0)).not.toThrow();
    const far = { millis: T0 + MAX_DRIFT_MS + 1, counter: 0, node: NODE_B };
    expect(() => receiveHlc(local, far, T0)).toThrow(ClockDriftError);
  });

  it('says so when the counter overflows', () => {
    expect(() => tickHlc({ millis: T0, counter: 0xffff, node: NODE_A }, T0)).toThrow(ClockOverflowError);
  });
});
