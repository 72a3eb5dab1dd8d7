// The writing streak and the heatmap of days written: computed from the entries' calendar days, so
// the same entries give the same figures on every computer and in every month.
import { addDays, daysBetween, weekday } from './localDay';

export interface Streak {
  /** Consecutive days written up to today (or up to yesterday, while today is still open). */
  current: number;
  longest: number;
  daysWritten: number;
}

export function writingStreak(days: Iterable<string>, today: string): Streak {
  const unique = [...new Set(days)].filter((day) => day <= today).sort();
  let longest = 0;
  let run = 0;
  let previous: string | null = null;
  for (const day of unique) {
    run = previous !== null && daysBetween(previous, day) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = day;
  }
  const written = new Set(unique);
  let cursor = written.has(today) ? today : addDays(today, -1);
  let current = 0;
  while (written.has(cursor)) {
    current++;
    cursor = addDays(cursor, -1);
  }
  return { current, longest, daysWritten: unique.length };
}

export interface HeatmapCell {
  day: string;
  count: number;
  /** 0 (none) to 4 (most), for the colour. */
  level: 0 | 1 | 2 | 3 | 4;
}

/** Weeks (columns, Sunday first) of days ending with the week that holds `today`. */
export function writingHeatmap(days: Iterable<string>, today: string, weeks = 26): HeatmapCell[][] {
  const counts = new Map<string, number>();
  for (const day of days) counts.set(day, (counts.get(day) ?? 0) + 1);
  const start = addDays(today, -weekday(today) - (weeks - 1) * 7);
  const columns: HeatmapCell[][] = [];
  for (let w = 0; w < weeks; w++) {
    const column: HeatmapCell[] = [];
    for (let d = 0; d < 7; d++) {
      const day = addDays(start, w * 7 + d);
      if (day > today) break;
      const count = counts.get(day) ?? 0;
      const level = count === 0 ? 0 : count === 1 ? 1 : count === 2 ? 2 : count <= 4 ? 3 : 4;
      column.push({ day, count, level });
    }
    columns.push(column);
  }
  return columns;
}

/**
 * The columns that get a month label, as GitHub does it: the first week that starts in a new month,
 * with the day that starts it. The first column is labelled only if the next label leaves it room.
 * Today's month may have begun inside the last, unfinished week (Tuesday 1 December): no week starts
 * in it yet, so that week names it, with its first day.
 */
export function heatmapMonthStarts(
  columns: HeatmapCell[][],
  minColumnsApart = 3,
): { column: number; day: string }[] {
  const starts: { column: number; day: string }[] = [];
  columns.forEach((column, index) => {
    const day = column[0]?.day;
    if (day && (index === 0 || day.slice(0, 7) !== columns[index - 1]?.[0]?.day.slice(0, 7)))
      starts.push({ column: index, day });
  });
  const lastColumn = columns.length - 1;
  const today = columns[lastColumn]?.at(-1)?.day;
  if (today && today.slice(0, 7) !== starts.at(-1)?.day.slice(0, 7))
    starts.push({ column: lastColumn, day: `${today.slice(0, 7)}-01` });
  if (starts.length > 1 && starts[1]!.column - starts[0]!.column < minColumnsApart) starts.shift();
  return starts;
}

/** Days in earlier years with the same month and day as `today` ("on this day"). */
export function isOnThisDay(day: string, today: string): boolean {
  return day.slice(5) === today.slice(5) && day < today;
}
