import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  ClockDriftError,
  ClockOverflowError,
  HlcFormatError,
  MAX_DRIFT_MS,
  compareHlc,
  formatHlc,
  isHlcString,
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

  it('reads a clock string as Date.parse and a round trip through toISOString would, for any digits (property)', () => {
    // The reference: the engine's own reading of the ISO part, one spelling per instant.
    const reference = (text: string): Hlc | null => {
      const m = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)-([0-9a-f]{4})-([0-9a-f]{16})$/.exec(text);
      if (!m) return null;
      const millis = Date.parse(m[1]!);
      if (!Number.isFinite(millis) || new Date(millis).toISOString() !== m[1]) return null;
      return { millis, counter: parseInt(m[2]!, 16), node: m[3]! };
    };
    const digits = (n: number, max = 9) =>
      fc.array(fc.integer({ min: 0, max }), { minLength: n, maxLength: n }).map((d) => d.join(''));
    // Fields near their limits as often as anywhere: leap days, month ends, 23:59:59, years 0000-0099.
    const twoDigits = (common: string[]) => fc.oneof(fc.constantFrom(...common), digits(2));
    const year = fc.oneof(
      fc.constantFrom('0000', '0001', '0099', '0100', '1900', '2000', '2024', '2100', '9999'),
      digits(4),
    );
    const composedDate = fc
      .tuple(
        year,
        twoDigits(['00', '01', '02', '04', '12', '13']),
        twoDigits(['00', '01', '28', '29', '30', '31', '32']),
      )
      .map(([y, mo, d]) => `${y}-${mo}-${d}`);
    const leapDays = ['0000', '0004', '0100', '1900', '2000', '2023', '2024', '2100', '2400'].map(
      (y) => `${y}-02-29`,
    );
    const date = fc.oneof(
      fc.constantFrom(...leapDays, '2026-04-31', '2026-06-30', '2026-12-31'),
      composedDate,
    );
    const clock = fc
      .tuple(
        date,
        twoDigits(['00', '23', '24']),
        twoDigits(['00', '59', '60']),
        twoDigits(['00', '59', '60']),
        digits(3),
        fc.stringMatching(/^[0-9a-f]{4}$/),
        fc.stringMatching(/^[0-9a-f]{16}$/),
      )
      .map(([d, h, mi, s, ms, c, n]) => `${d}T${h}:${mi}:${s}.${ms}Z-${c}-${n}`);
    fc.assert(
      fc.property(fc.oneof(clock, fc.string({ maxLength: 50 })), (text) => {
        const expected = reference(text);
        expect(isHlcString(text)).toBe(expected !== null);
        if (expected) expect(parseHlc(text)).toEqual(expected);
        else expect(() => parseHlc(text)).toThrow(HlcFormatError);
      }),
      { numRuns: 5000 },
    );
  });
});
