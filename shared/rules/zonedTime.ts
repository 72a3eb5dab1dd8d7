// Wall-clock times in the group's time zone, and the instants they name. Deadlines are written
// as local date-times ("2026-03-08T21:00") so they mean what the coach said on every computer;
// they become instants only when standings are computed. Temporal (polyfilled) does the
// daylight-saving arithmetic; it is platform-free and uses the runtime's IANA data.
import { Temporal } from 'temporal-polyfill';
import { z } from 'zod';
import { parseHlc } from '../group/hlc';

const LOCAL_DATE_TIME_RE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/;
const LOCAL_DATE_RE = /^\d{4}-\d{2}-\d{2}$/;
const TIME_RE = /^([01]\d|2[0-3]):[0-5]\d$/;

function parses(text: string, parse: (t: string) => unknown): boolean {
  try {
    parse(text);
    return true;
  } catch {
    return false;
  }
}

/** A local date-time to the minute, `YYYY-MM-DDTHH:mm`; fixed width, so string order is time order. */
export const localDateTimeSchema = z
  .string()
  .regex(LOCAL_DATE_TIME_RE)
  .refine((t) => parses(t, (s) => Temporal.PlainDateTime.from(s, { overflow: 'reject' })), 'no such date');
/** A local calendar date, `YYYY-MM-DD`. */
export const localDateSchema = z
  .string()
  .regex(LOCAL_DATE_RE)
  .refine((t) => parses(t, (s) => Temporal.PlainDate.from(s, { overflow: 'reject' })), 'no such date');
/** A time of day to the minute, `HH:mm`. */
export const timeOfDaySchema = z.string().regex(TIME_RE);

/** Time zone used when a group names one this runtime does not know (never a crash, same on every computer). */
export const FALLBACK_TIME_ZONE = 'UTC';

const known = new Map<string, boolean>();
/** True when the runtime's time-zone data knows `timeZone`. */
export function isKnownTimeZone(timeZone: string): boolean {
  let ok = known.get(timeZone);
  if (ok === undefined) {
    ok = parses(timeZone, (tz) => Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(tz));
    known.set(timeZone, ok);
  }
  return ok;
}

/**
 * The instant (epoch milliseconds) of a local date-time in `timeZone`. A time skipped by a
 * daylight-saving jump (02:30 on a spring-forward night) means the same clock reading after
 * the jump (03:30); a time that happens twice (01:30 on a fall-back night) means the second,
 * later one, so a deadline never comes earlier than members read it.
 */
export function zonedInstant(local: string, timeZone: string): number {
  const tz = isKnownTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
  return Temporal.PlainDateTime.from(local).toZonedDateTime(tz, { disambiguation: 'later' }).toInstant()
    .epochMilliseconds;
}

/** The local date-time (`YYYY-MM-DDTHH:mm`, seconds dropped) of an instant in `timeZone`. */
export function wallTimeAt(epochMillis: number, timeZone: string): string {
  const tz = isKnownTimeZone(timeZone) ? timeZone : FALLBACK_TIME_ZONE;
  return Temporal.Instant.fromEpochMilliseconds(epochMillis)
    .toZonedDateTimeISO(tz)
    .toPlainDateTime()
    .toString({ smallestUnit: 'minute' });
}

/** The wall time (epoch milliseconds, UTC) an event's hybrid logical clock carries. */
export function hlcMillis(hlc: string): number {
  return parseHlc(hlc).millis;
}
