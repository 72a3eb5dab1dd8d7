// Calendar days as `YYYY-MM-DD` strings: which day an instant falls on in a time zone, and day
// arithmetic done in UTC so month ends, leap years and daylight-saving changes cannot shift a day.
const msPerDay = 86_400_000;

/** The calendar day of an instant in a time zone (the member's own when none is given). */
export function localDay(instant: Date | string, timeZone?: string): string {
  const date = typeof instant === 'string' ? new Date(instant) : instant;
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(date);
  const get = (type: string) => parts.find((part) => part.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

function toUtc(day: string): number {
  const [y, m, d] = day.split('-').map(Number);
  return Date.UTC(y!, m! - 1, d!);
}

function fromUtc(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function addDays(day: string, days: number): string {
  return fromUtc(toUtc(day) + days * msPerDay);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / msPerDay);
}

/** 0 for Sunday … 6 for Saturday. */
export function weekday(day: string): number {
  return new Date(toUtc(day)).getUTCDay();
}
