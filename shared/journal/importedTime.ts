// Dates as other apps write them, read into an entry's day and an instant. A time with an offset
// (`2024-05-01T23:30+08:00`) falls on the day that offset names; a UTC time (`…Z`, as Joplin and
// Day One write) on its day in the time zone given; a time with no zone (`2024-05-01T10:30`, as
// Obsidian writes) is a wall time in that zone. Temporal does the parsing; anything else is null.
import { Temporal } from 'temporal-polyfill';
import { LocalDay } from './journalEntry';

export interface ImportedTime {
  /** The calendar day, `YYYY-MM-DD`. */
  day: string;
  /** The instant, as `Date.prototype.toISOString` writes it. */
  instant: string;
}

/** Longer strings are no date any app writes, and are not worth parsing. */
const maxLength = 80;

/** The IANA time zone named, if this runtime knows it. */
export function knownTimeZone(timeZone: unknown): string | null {
  if (typeof timeZone !== 'string' || timeZone.length > 64) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(0).toZonedDateTimeISO(timeZone).timeZoneId;
  } catch {
    return null;
  }
}

export function readImportedTime(value: unknown, timeZone: string): ImportedTime | null {
  if (typeof value !== 'string' || value.length > maxLength) return null;
  const text = value.trim();
  try {
    const zoned = attempt(() => Temporal.Instant.from(text));
    const wall = attempt(() => Temporal.PlainDateTime.from(text));
    let day: Temporal.PlainDate;
    let instant: Temporal.Instant;
    if (zoned && wall) {
      // An explicit offset or zone: the day is the one written.
      day = wall.toPlainDate();
      instant = zoned;
    } else if (zoned) {
      day = zoned.toZonedDateTimeISO(timeZone).toPlainDate();
      instant = zoned;
    } else if (wall) {
      day = wall.toPlainDate();
      instant = wall.toZonedDateTime(timeZone).toInstant();
    } else return null;
    const result = { day: day.toString(), instant: new Date(instant.epochMilliseconds).toISOString() };
    return LocalDay.safeParse(result.day).success ? result : null;
  } catch {
    // Out of range for Date or for the time zone: no date.
    return null;
  }
}

function attempt<T>(parse: () => T): T | null {
  try {
    return parse();
  } catch {
    return null;
  }
}

/** A wall time in `timeZone` without offset, as Obsidian's date-time properties hold it. */
export function wallTime(instant: string, timeZone: string): string | null {
  const ms = Date.parse(instant);
  if (!Number.isFinite(ms)) return null;
  try {
    return Temporal.Instant.fromEpochMilliseconds(ms)
      .toZonedDateTimeISO(timeZone)
      .toPlainDateTime()
      .toString({ smallestUnit: 'second' });
  } catch {
    return null;
  }
}
