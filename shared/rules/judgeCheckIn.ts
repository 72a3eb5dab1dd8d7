// Which of a member's check-ins counts for one occurrence, and whether it was on time. A member
// may replace a submission until the deadline (the last on-time one wins); after it, a new one
// counts as late only if none was on time, and only until the critique deadline. A check-in a coach
// counted late (rulingsAt.ts) is judged as if it had come after the submission deadline.
import type { CheckIn } from './rulesState';
import { hlcMillis } from './zonedTime';

export type Submission = 'on-time' | 'late' | 'none';

export interface Judged {
  submission: Submission;
  /** The check-in that counts. */
  checkIn?: CheckIn;
}

/**
 * Judges `checkIns` (in (hlc, id) order) against the deadlines (epoch ms): on time means the
 * clock's wall time ≤ `submitDeadline` and no coach counted it late (`countedLate`). Check-ins after
 * `asOf`, and those `valid` rejects (e.g. a recording since withdrawn), are not seen.
 */
export function judgeCheckIn(
  checkIns: readonly CheckIn[],
  deadlines: { submitDeadline: number; critiqueDeadline: number },
  options: { asOf: number; valid?: (c: CheckIn) => boolean; countedLate?: (c: CheckIn) => boolean },
): Judged {
  let onTime: CheckIn | undefined;
  let late: CheckIn | undefined;
  for (const c of checkIns) {
    const at = hlcMillis(c.hlc);
    if (at > options.asOf || (options.valid && !options.valid(c))) continue;
    if (at <= deadlines.submitDeadline && !options.countedLate?.(c)) onTime = c;
    else if (at <= deadlines.critiqueDeadline) late = c;
  }
  if (onTime) return { submission: 'on-time', checkIn: onTime };
  if (late) return { submission: 'late', checkIn: late };
  return { submission: 'none' };
}
