// The first occurrence of a schedule still to be submitted for after a moment: what keeps a coach from
// setting an assignment whose every deadline has passed (it would never count, and no screen could
// show it as current). The form asks it before saving; the create handler asks it again.
import { expandSchedule } from './expandSchedule';
import type { LocalDeadlines } from './expandSchedule';
import type { Schedule } from './ruleEvents';
import { zonedInstant } from './zonedTime';

/** The first occurrence of `schedule` whose submission deadline (in `timeZone`) is after `after` (epoch ms). */
export function firstOccurrenceAfter(
  schedule: Schedule,
  timeZone: string,
  after: number,
): LocalDeadlines | undefined {
  return expandSchedule(schedule).find((d) => zonedInstant(d.submitBy, timeZone) > after);
}
