import { describe, expect, it } from 'vitest';
import { firstOccurrenceAfter } from './firstOccurrenceAfter';
import type { Schedule } from './ruleEvents';

/** Sunday 1 March 2026, 21:00 in Shanghai. */
const SUNDAY_21 = Date.UTC(2026, 2, 1, 13, 0);
const once = (submitBy: string): Schedule => ({ repeat: 'once', submitBy, critiqueBy: '2026-12-31T21:00' });

describe('firstOccurrenceAfter', () => {
  it('finds a one-off only while its submission deadline is still ahead, in the group’s zone', () => {
    expect(firstOccurrenceAfter(once('2026-03-01T21:01'), 'Asia/Shanghai', SUNDAY_21)).toMatchObject({
      occurrence: 1,
    });
    expect(firstOccurrenceAfter(once('2026-03-01T21:00'), 'Asia/Shanghai', SUNDAY_21)).toBeUndefined();
    expect(firstOccurrenceAfter(once('2026-02-20T09:00'), 'Asia/Shanghai', SUNDAY_21)).toBeUndefined();
    // The same wall time is still ahead in Berlin, seven hours behind Shanghai.
    expect(firstOccurrenceAfter(once('2026-03-01T20:00'), 'Europe/Berlin', SUNDAY_21)).toBeDefined();
  });

  it('finds the next week of a series that started in the past, and none of one that is over', () => {
    const weekly = {
      repeat: 'weekly',
      startsOn: '2026-02-01',
      submitBy: { weekday: 'sun', time: '21:00' },
      critiqueBy: { weekday: 'tue', time: '21:00' },
    } as const;
    expect(firstOccurrenceAfter(weekly, 'Asia/Shanghai', SUNDAY_21)).toMatchObject({
      occurrence: 6,
      submitBy: '2026-03-08T21:00',
    });
    expect(firstOccurrenceAfter({ ...weekly, occurrences: 5 }, 'Asia/Shanghai', SUNDAY_21)).toBeUndefined();
    // An open-ended series runs for at most ten years: one begun in 2010 has no week left.
    expect(
      firstOccurrenceAfter({ ...weekly, startsOn: '2010-01-04' }, 'Asia/Shanghai', SUNDAY_21),
    ).toBeUndefined();
  });
});
