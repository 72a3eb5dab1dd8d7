import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { expandSchedule } from './expandSchedule';
import { weekdays } from './ruleEvents';
import type { WeeklySchedule } from './ruleEvents';
import { zonedInstant } from './zonedTime';

const sundays: WeeklySchedule = {
  repeat: 'weekly',
  startsOn: '2026-03-02', // a Monday
  submitBy: { weekday: 'sun', time: '21:00' },
  critiqueBy: { weekday: 'tue', time: '21:00' },
  occurrences: 4,
};

describe('expandSchedule', () => {
  it('expands "every Sunday 21:00, critiques by Tuesday 21:00"', () => {
    expect(expandSchedule(sundays)).toEqual([
      { occurrence: 1, submitBy: '2026-03-08T21:00', critiqueBy: '2026-03-10T21:00' },
      { occurrence: 2, submitBy: '2026-03-15T21:00', critiqueBy: '2026-03-17T21:00' },
      { occurrence: 3, submitBy: '2026-03-22T21:00', critiqueBy: '2026-03-24T21:00' },
      { occurrence: 4, submitBy: '2026-03-29T21:00', critiqueBy: '2026-03-31T21:00' },
    ]);
    expect(expandSchedule(sundays, { through: '2026-03-15T21:00' })).toHaveLength(2);
    expect(expandSchedule(sundays, { max: 1 })).toHaveLength(1);
  });

  it('starts on the start day when it is the weekday, and puts same-day critiques a week later unless later that day', () => {
    const s: WeeklySchedule = {
      ...sundays,
      startsOn: '2026-03-08',
      critiqueBy: { weekday: 'sun', time: '21:00' },
    };
    expect(expandSchedule(s)[0]).toEqual({
      occurrence: 1,
      submitBy: '2026-03-08T21:00',
      critiqueBy: '2026-03-15T21:00',
    });
    const later = { ...s, critiqueBy: { weekday: 'sun' as const, time: '23:30' } };
    expect(expandSchedule(later)[0]?.critiqueBy).toBe('2026-03-08T23:30');
  });

  it('keeps the wall time across daylight saving: weeks are 7 days ± the clock change (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('America/New_York', 'Europe/Berlin', 'Asia/Shanghai'),
        fc.constantFrom(...weekdays),
        fc.constantFrom(...weekdays),
        fc.integer({ min: 0, max: 23 }),
        fc.integer({ min: 0, max: 364 }),
        (zone, sw, cw, hour, offset) => {
          const start = new Date(Date.UTC(2026, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
          const time = `${String(hour).padStart(2, '0')}:15`;
          const list = expandSchedule({
            repeat: 'weekly',
            startsOn: start,
            submitBy: { weekday: sw, time },
            critiqueBy: { weekday: cw, time: '20:00' },
            occurrences: 8,
          });
          expect(list).toHaveLength(8);
          expect(list[0]!.submitBy.slice(0, 10) >= start).toBe(true);
          for (const [i, d] of list.entries()) {
            expect(d.submitBy.slice(11)).toBe(time);
            expect(d.critiqueBy > d.submitBy).toBe(true);
            const submit = zonedInstant(d.submitBy, zone);
            const critique = zonedInstant(d.critiqueBy, zone);
            expect(critique - submit).toBeLessThanOrEqual(7 * 86_400_000 + 3600_000);
            if (i === 0) continue;
            const week = submit - zonedInstant(list[i - 1]!.submitBy, zone);
            if (zone === 'Asia/Shanghai') expect(week).toBe(7 * 86_400_000);
            else expect(Math.abs(week - 7 * 86_400_000)).toBeLessThanOrEqual(3600_000);
          }
        },
      ),
      { numRuns: 80 },
    );
  });
});
