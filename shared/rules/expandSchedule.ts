// Turns a schedule into its occurrences' local deadlines. Pure calendar arithmetic on local
// dates (no time zone, no present moment), so every computer expands a series identically.
import { Temporal } from 'temporal-polyfill';
import { MAX_OCCURRENCES, weekdays } from './ruleEvents';
import type { Schedule, WeekdayTime } from './ruleEvents';

export interface LocalDeadlines {
  /** 1-based occurrence number. */
  occurrence: number;
  /** Local date-times `YYYY-MM-DDTHH:mm` in the group's time zone. */
  submitBy: string;
  critiqueBy: string;
}

/** ISO day of week, Monday = 1 … Sunday = 7, as Temporal numbers them. */
const isoDay = (w: WeekdayTime) => weekdays.indexOf(w.weekday) + 1;

/**
 * The occurrences of `schedule`, in order, up to `max` of them and only those whose submission
 * deadline is at or before the local date-time `through` (when given).
 */
export function expandSchedule(
  schedule: Schedule,
  options: { through?: string; max?: number } = {},
): LocalDeadlines[] {
  const max = Math.min(options.max ?? MAX_OCCURRENCES, MAX_OCCURRENCES);
  const within = (d: LocalDeadlines) => options.through === undefined || d.submitBy <= options.through;
  if (schedule.repeat === 'once') {
    const only = { occurrence: 1, submitBy: schedule.submitBy, critiqueBy: schedule.critiqueBy };
    return max >= 1 && within(only) ? [only] : [];
  }
  const count = Math.min(schedule.occurrences ?? MAX_OCCURRENCES, max);
  const start = Temporal.PlainDate.from(schedule.startsOn);
  const first = start.add({ days: (isoDay(schedule.submitBy) - start.dayOfWeek + 7) % 7 });
  const submitTime = Temporal.PlainTime.from(schedule.submitBy.time);
  const critiqueTime = Temporal.PlainTime.from(schedule.critiqueBy.time);
  let gap = (isoDay(schedule.critiqueBy) - isoDay(schedule.submitBy) + 7) % 7;
  // Same weekday: critiques fall due a week later unless their time of day is later that day.
  if (gap === 0 && Temporal.PlainTime.compare(critiqueTime, submitTime) <= 0) gap = 7;
  const out: LocalDeadlines[] = [];
  for (let n = 1; n <= count; n++) {
    const day = first.add({ days: 7 * (n - 1) });
    const next = {
      occurrence: n,
      submitBy: fmt(day.toPlainDateTime(submitTime)),
      critiqueBy: fmt(day.add({ days: gap }).toPlainDateTime(critiqueTime)),
    };
    if (!within(next)) break;
    out.push(next);
  }
  return out;
}

const fmt = (t: Temporal.PlainDateTime) => t.toString({ smallestUnit: 'minute' });
