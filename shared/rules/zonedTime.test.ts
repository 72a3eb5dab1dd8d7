import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isKnownTimeZone, localDateTimeSchema, wallTimeAt, zonedInstant } from './zonedTime';

const iso = (ms: number) => new Date(ms).toISOString();
const ZONES = ['America/New_York', 'Europe/Berlin', 'Asia/Shanghai', 'Australia/Lord_Howe', 'UTC'];
const localArb = fc
  .record({
    y: fc.integer({ min: 2000, max: 2060 }),
    mo: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
    h: fc.integer({ min: 0, max: 23 }),
    mi: fc.integer({ min: 0, max: 59 }),
  })
  .map(({ y, mo, d, h, mi }) => {
    const p = (n: number) => String(n).padStart(2, '0');
    return `${y}-${p(mo)}-${p(d)}T${p(h)}:${p(mi)}`;
  });

describe('zonedInstant', () => {
  it('converts wall-clock deadlines across daylight-saving changes', () => {
    // New York springs forward 2026-03-08 02:00 → 03:00 and falls back 2026-11-01 02:00 → 01:00.
    expect(iso(zonedInstant('2026-03-07T21:00', 'America/New_York'))).toBe('2026-03-08T02:00:00.000Z');
    expect(iso(zonedInstant('2026-03-08T21:00', 'America/New_York'))).toBe('2026-03-09T01:00:00.000Z');
    expect(iso(zonedInstant('2026-03-08T02:30', 'America/New_York'))).toBe('2026-03-08T07:30:00.000Z'); // skipped: 03:30 EDT
    expect(iso(zonedInstant('2026-11-01T01:30', 'America/New_York'))).toBe('2026-11-01T06:30:00.000Z'); // twice: the later
    expect(iso(zonedInstant('2026-11-01T21:00', 'America/New_York'))).toBe('2026-11-02T02:00:00.000Z');
    // Berlin: 2026-03-29 02:00 → 03:00, 2026-10-25 03:00 → 02:00.
    expect(iso(zonedInstant('2026-03-29T02:30', 'Europe/Berlin'))).toBe('2026-03-29T01:30:00.000Z');
    expect(iso(zonedInstant('2026-10-25T02:30', 'Europe/Berlin'))).toBe('2026-10-25T01:30:00.000Z');
    expect(iso(zonedInstant('2026-07-01T21:00', 'Europe/Berlin'))).toBe('2026-07-01T19:00:00.000Z');
    // Shanghai has no daylight saving: always UTC+8.
    expect(iso(zonedInstant('2026-03-08T21:00', 'Asia/Shanghai'))).toBe('2026-03-08T13:00:00.000Z');
    expect(iso(zonedInstant('2026-11-01T01:30', 'Asia/Shanghai'))).toBe('2026-10-31T17:30:00.000Z');
  });

  it('reads an unknown zone as UTC instead of failing', () => {
    expect(isKnownTimeZone('Mars/Olympus_Mons')).toBe(false);
    expect(iso(zonedInstant('2026-03-08T21:00', 'Mars/Olympus_Mons'))).toBe('2026-03-08T21:00:00.000Z');
  });

  it('round-trips every wall time that exists, and never moves a later wall time earlier (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...ZONES), localArb, localArb, (zone, a, b) => {
        const ia = zonedInstant(a, zone);
        const back = wallTimeAt(ia, zone);
        // Only a time skipped by a jump forward comes back different, and then later.
        expect(back >= a).toBe(true);
        if (back !== a) expect(zone).not.toBe('Asia/Shanghai');
        if (a <= b) expect(ia).toBeLessThanOrEqual(zonedInstant(b, zone));
      }),
      { numRuns: 200 },
    );
  });

  it('is a fixed offset in Asia/Shanghai (property)', () => {
    fc.assert(
      fc.property(localArb, (a) => {
        expect(zonedInstant(a, 'Asia/Shanghai')).toBe(Date.parse(`${a}:00Z`) - 8 * 3600_000);
      }),
      { numRuns: 150 },
    );
  });

  it('accepts only real local date-times', () => {
    expect(localDateTimeSchema.safeParse('2026-02-28T21:00').success).toBe(true);
    expect(localDateTimeSchema.safeParse('2026-02-30T21:00').success).toBe(false);
    expect(localDateTimeSchema.safeParse('2026-02-28T24:00').success).toBe(false);
    expect(localDateTimeSchema.safeParse('2026-02-28 21:00').success).toBe(false);
  });
});
