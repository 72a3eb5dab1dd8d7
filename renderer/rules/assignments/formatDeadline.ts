// Deadlines and countdowns as members read them: in their own time zone and, when it differs, in
// the group's; a countdown in days, hours and minutes.
import type { TFunction } from 'i18next';

/** "Wed 3 Mar, 21:00" in `timeZone` (this computer's when left out), in the UI language. */
export function formatInstant(iso: string, language: string, timeZone?: string): string {
  return new Intl.DateTimeFormat(language, {
    weekday: 'short',
    month: 'short',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    ...(timeZone ? { timeZone } : {}),
  }).format(new Date(iso));
}

export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** The deadline in the member's time, plus the group's when the zones differ. */
export function formatDeadline(iso: string, language: string, groupZone: string, t: TFunction): string {
  const mine = formatInstant(iso, language);
  if (groupZone === localTimeZone()) return mine;
  return t('assignments.deadlineBoth', { mine, group: formatInstant(iso, language, groupZone) });
}

/** "2 d 3 h", "3 h 20 min", "12 min"; "—" once passed. */
export function formatCountdown(ms: number, t: TFunction): string {
  if (ms <= 0) return t('assignments.countdown.passed');
  const minutes = Math.floor(ms / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const mins = minutes % 60;
  if (days > 0) return t('assignments.countdown.daysHours', { days, hours });
  if (hours > 0) return t('assignments.countdown.hoursMinutes', { hours, minutes: mins });
  return t('assignments.countdown.minutes', { minutes: Math.max(1, mins) });
}

const han = /\p{Script=Han}/u;
const latinOrDigit = /[A-Za-z0-9]/;

/**
 * A list of names joined the way the language joins them ("A and B", "小明和小红"), with a space
 * where a Chinese joining word meets a Latin letter or a digit ("24 小时和 2 小时", "小明和 Bob").
 */
export function joinNames(names: string[], language: string): string {
  const parts = new Intl.ListFormat(language, { style: 'long', type: 'conjunction' }).formatToParts(names);
  return parts
    .map(({ type, value }, i) => {
      if (type !== 'literal') return value;
      const before = latinOrDigit.test(parts[i - 1]?.value.at(-1) ?? '') && han.test(value[0] ?? '');
      const after = han.test(value.at(-1) ?? '') && latinOrDigit.test(parts[i + 1]?.value[0] ?? '');
      return `${before ? ' ' : ''}${value}${after ? ' ' : ''}`;
    })
    .join('');
}
