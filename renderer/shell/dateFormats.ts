// How dates and times read in the app's language, for every date field and calendar (Mantine dates
// over dayjs): Chinese writes 2026年3月8日, heads a month "2026年3月", starts the week on Monday
// and reads time on a 24-hour clock; English writes Mar 8, 2026 with AM/PM. Values stay ISO strings
// (YYYY-MM-DD, HH:mm) whatever the language, as the API takes them.

export interface DateFormats {
  /** The dayjs locale (loaded by LocalizedDates). */
  locale: 'zh-cn' | 'en';
  firstDayOfWeek: 0 | 1;
  /** A date as a field shows it. */
  date: string;
  /** The calendar's headers, at the month and the year level. */
  monthLabel: string;
  yearLabel: string;
  time: '24h' | '12h';
}

const zh: DateFormats = {
  locale: 'zh-cn',
  firstDayOfWeek: 1,
  date: 'YYYY年M月D日',
  monthLabel: 'YYYY年M月',
  yearLabel: 'YYYY年',
  time: '24h',
};
const en: DateFormats = {
  locale: 'en',
  firstDayOfWeek: 0,
  date: 'MMM D, YYYY',
  monthLabel: 'MMMM YYYY',
  yearLabel: 'YYYY',
  time: '12h',
};

export const dateFormatsOf = (language: string): DateFormats =>
  language.toLowerCase().startsWith('zh') ? zh : en;

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];
const pad = (n: number) => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the numbers name a real day, else null (no 31 February rolled into March). */
function isoDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(year, month - 1, day));
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day
    ? `${year}-${pad(month)}-${pad(day)}`
    : null;
}

/**
 * A date as a person types it, in either language's way or as ISO: 2026-03-08, 2026/3/8,
 * 2026年3月8日, Mar 8, 2026, 8 March 2026. Null when it names no day.
 */
export function parseTypedDate(text: string): string | null {
  const s = text.trim();
  const numeric = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(s);
  if (numeric) return isoDate(Number(numeric[1]), Number(numeric[2]), Number(numeric[3]));
  const monthFirst = /^([a-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/i.exec(s);
  const dayFirst = /^(\d{1,2})\s+([a-z]+)\.?,?\s+(\d{4})$/i.exec(s);
  const [name, day, year] = monthFirst
    ? [monthFirst[1]!, monthFirst[2]!, monthFirst[3]!]
    : dayFirst
      ? [dayFirst[2]!, dayFirst[1]!, dayFirst[3]!]
      : [];
  if (!name || name.length < 3) return null;
  const month = MONTHS.findIndex((m) => name.toLowerCase().startsWith(m)) + 1;
  return month > 0 ? isoDate(Number(year), month, Number(day)) : null;
}
