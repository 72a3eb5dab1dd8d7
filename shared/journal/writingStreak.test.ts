import { describe, expect, it } from 'vitest';
import { addDays, daysBetween, localDay, weekday } from './localDay';
import { heatmapMonthStarts, isOnThisDay, writingHeatmap, writingStreak } from './writingStreak';

describe('calendar days', () => {
  it('adds days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-01-31', 1)).toBe('2024-02-01');
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(daysBetween('2024-02-27', '2024-03-01')).toBe(3);
    expect(weekday('2025-06-01')).toBe(0);
  });

  it('gives the day an instant falls on in each time zone', () => {
    const instant = '2024-03-31T23:30:00.000Z';
    expect(localDay(instant, 'UTC')).toBe('2024-03-31');
    expect(localDay(instant, 'Asia/Shanghai')).toBe('2024-04-01');
    expect(localDay('2024-04-01T03:30:00.000Z', 'America/Los_Angeles')).toBe('2024-03-31');
  });

  it('is not moved by daylight-saving changes', () => {
    // New York springs forward on 2024-03-10: that day has 23 hours.
    expect(daysBetween('2024-03-09', '2024-03-11')).toBe(2);
    expect(localDay('2024-03-10T04:59:00.000Z', 'America/New_York')).toBe('2024-03-09');
    expect(localDay('2024-03-10T05:00:00.000Z', 'America/New_York')).toBe('2024-03-10');
  });
});

describe('writing streak', () => {
  it('counts consecutive days across a month boundary', () => {
    const days = ['2024-02-27', '2024-02-28', '2024-02-29', '2024-03-01', '2024-03-02'];
    expect(writingStreak(days, '2024-03-02')).toEqual({ current: 5, longest: 5, daysWritten: 5 });
  });

  it('keeps the streak alive until today is over, and breaks after a missed day', () => {
    const days = ['2024-12-30', '2024-12-31'];
    expect(writingStreak(days, '2025-01-01').current).toBe(2);
    expect(writingStreak(days, '2025-01-02').current).toBe(0);
    expect(writingStreak(days, '2025-01-02').longest).toBe(2);
  });

  it('counts a day once however many entries it has, and ignores future days', () => {
    expect(writingStreak(['2025-01-01', '2025-01-01', '2025-01-05'], '2025-01-01')).toEqual({
      current: 1,
      longest: 1,
      daysWritten: 1,
    });
  });

  it('follows the writer’s time zone: a late-evening entry in Shanghai counts for the next day', () => {
    const written = ['2024-03-30T15:00:00.000Z', '2024-03-31T17:00:00.000Z'];
    const shanghai = written.map((instant) => localDay(instant, 'Asia/Shanghai'));
    const utc = written.map((instant) => localDay(instant, 'UTC'));
    expect(shanghai).toEqual(['2024-03-30', '2024-04-01']);
    expect(writingStreak(shanghai, '2024-04-01').current).toBe(1);
    expect(writingStreak(utc, '2024-03-31').current).toBe(2);
  });

  it('is empty with no entries', () => {
    expect(writingStreak([], '2025-01-01')).toEqual({ current: 0, longest: 0, daysWritten: 0 });
  });
});

describe('heatmap', () => {
  it('has whole weeks from Sunday, ends today, and grades counts', () => {
    const grid = writingHeatmap(['2025-06-04', '2025-06-04', '2025-05-31'], '2025-06-04', 2);
    expect(grid).toHaveLength(2);
    expect(grid[0]![0]!.day).toBe('2025-05-25');
    expect(grid[0]).toHaveLength(7);
    expect(grid[1]!.map((cell) => cell.day)).toEqual([
      '2025-06-01',
      '2025-06-02',
      '2025-06-03',
      '2025-06-04',
    ]);
    expect(grid[1]![3]).toEqual({ day: '2025-06-04', count: 2, level: 2 });
    expect(grid[0]![6]).toEqual({ day: '2025-05-31', count: 1, level: 1 });
  });
});

describe('heatmap month labels', () => {
  it('labels the first week that starts in each month, dropping a first label with no room', () => {
    // Weeks from Sun 27 April: April has one column before May, so only May and June are labelled.
    expect(heatmapMonthStarts(writingHeatmap([], '2025-06-04', 6))).toEqual([
      { column: 1, day: '2025-05-04' },
      { column: 5, day: '2025-06-01' },
    ]);
  });

  it('keeps the first month when the next one is far enough, across a new year', () => {
    const starts = heatmapMonthStarts(writingHeatmap([], '2025-03-15'));
    expect(starts.map((start) => start.day.slice(0, 7))).toEqual([
      '2024-09',
      '2024-10',
      '2024-11',
      '2024-12',
      '2025-01',
      '2025-02',
      '2025-03',
    ]);
    expect(starts[0]).toEqual({ column: 0, day: '2024-09-15' });
    expect(starts.at(-1)).toEqual({ column: 24, day: '2025-03-02' });
  });

  it('names the month that began inside the last, unfinished week', () => {
    // Thursday 3 December 2026: the last week starts on Sunday 29 November, December on its Tuesday.
    const starts = heatmapMonthStarts(writingHeatmap([], '2026-12-03'));
    expect(starts.map((start) => start.day.slice(0, 7)).slice(-2)).toEqual(['2026-11', '2026-12']);
    expect(starts.at(-1)).toEqual({ column: 25, day: '2026-12-01' });
  });
});

describe('on this day', () => {
  it('matches the same month and day in earlier years only', () => {
    expect(isOnThisDay('2023-06-04', '2025-06-04')).toBe(true);
    expect(isOnThisDay('2025-06-04', '2025-06-04')).toBe(false);
    expect(isOnThisDay('2024-06-05', '2025-06-04')).toBe(false);
  });
});
