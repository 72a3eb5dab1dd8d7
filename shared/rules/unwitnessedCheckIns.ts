// Check-ins for the coach to look at: on time by their writer's clock, but first seen by another
// member's computer more than the group's offline grace after the deadline (or by nobody yet). When
// others saw a check-in is not in the state (it comes from the causal graph: shared/group/witnesses.ts),
// so this only informs the coach; standings change only through the coach's ruling (checkin.ruled).
import type { GroupState } from '../group/groupState';
import { recordingsOf } from '../group/recordings';
import { rulingsAt } from './rulingsAt';
import type { RulingsAt } from './rulingsAt';
import { judgeCheckIn } from './judgeCheckIn';
import { offlineGraceHours, rulesInForce } from './rulesInForce';
import { rulesStateOf } from './rulesState';
import type { CheckIn } from './rulesState';
import { hlcMillis } from './zonedTime';

const HOUR = 3_600_000;

/**
 * For an event id, the hlc of the first event by another member that had it in its causal past, or
 * null when nobody has linked it yet (`firstWitnessed` of a format-2 snapshot).
 */
export type WitnessedAt = (eventId: string) => string | null;

export interface UnwitnessedCheckIn {
  /** The check-in's event id. */
  checkIn: string;
  /** Its clock, as its writer set it (on time by that clock). */
  hlc: string;
  /** hlc of the first sighting by another member up to `asOf`; absent: nobody has seen it yet. */
  witnessedAt?: string;
  /** A coach counts it late (the latest ruling on it, up to `asOf`). */
  ruledLate: boolean;
}

interface Deadlines {
  submitDeadline: number;
  critiqueDeadline: number;
}

export interface UnwitnessedOptions {
  asOf: number;
  /** Hours after the submission deadline within which another member should have seen it. */
  graceHours: number;
  /** null when witnesses cannot be known (a format-1 group, whose events carry no links). */
  witnessedAt: WitnessedAt | null;
  rulings: RulingsAt;
  valid?: (c: CheckIn) => boolean;
}

/**
 * One member's check-ins for one occurrence: the counting on-time check-in when nobody else saw it
 * within the grace (`ruledLate: false`: the coach may count it late); otherwise the check-in, on time
 * by its clock, that a coach counted late most recently (`ruledLate: true`: the coach may undo it).
 */
export function unwitnessedCheckIn(
  checkIns: readonly CheckIn[],
  deadlines: Deadlines,
  options: UnwitnessedOptions,
): UnwitnessedCheckIn | undefined {
  const { asOf, rulings, valid } = options;
  const sighting = (c: CheckIn) => {
    const hlc = options.witnessedAt?.(c.id);
    return hlc && hlcMillis(hlc) <= asOf ? hlc : undefined;
  };
  const entry = (c: CheckIn, ruledLate: boolean): UnwitnessedCheckIn => {
    const seen = sighting(c);
    return { checkIn: c.id, hlc: c.hlc, ...(seen ? { witnessedAt: seen } : {}), ruledLate };
  };
  const judged = judgeCheckIn(checkIns, deadlines, {
    asOf,
    ...(valid ? { valid } : {}),
    countedLate: (c) => rulings.countsLate(c.id),
  });
  if (judged.submission === 'on-time' && options.witnessedAt) {
    const limit = deadlines.submitDeadline + options.graceHours * HOUR;
    const seen = sighting(judged.checkIn!);
    if (asOf > limit && !(seen && hlcMillis(seen) <= limit)) return entry(judged.checkIn!, false);
  }
  let ruled: { c: CheckIn; order: string } | undefined;
  for (const c of checkIns) {
    const at = hlcMillis(c.hlc);
    if (at > asOf || at > deadlines.submitDeadline || (valid && !valid(c))) continue;
    const r = rulings.latest(c.id);
    // The ruling written last (in fold order) is the one the coach may want to undo first.
    const order = r ? `${r.at}\n${r.id}` : '';
    if (r?.late && (!ruled || order > ruled.order)) ruled = { c, order };
  }
  return ruled ? entry(ruled.c, true) : undefined;
}

/**
 * Per member, what {@link unwitnessedCheckIn} says about one occurrence (members it says nothing
 * about are left out), with the offline grace of the rules in force at its submission deadline.
 */
export function unwitnessedCheckIns(
  state: GroupState,
  occurrence: Deadlines & { key: string },
  asOf: number,
  witnessedAt: WitnessedAt | null,
): Map<string, UnwitnessedCheckIn> {
  const rules = rulesStateOf(state);
  const recordings = recordingsOf(state);
  const graceHours = offlineGraceHours(rulesInForce(rules.rules, occurrence.submitDeadline));
  const rulings = rulingsAt(rules, asOf);
  const out = new Map<string, UnwitnessedCheckIn>();
  for (const [member, list] of Object.entries(rules.checkIns[occurrence.key] ?? {})) {
    const found = unwitnessedCheckIn(list, occurrence, {
      asOf,
      graceHours,
      witnessedAt,
      rulings,
      valid: (c) => recordings[c.recording]?.author === member,
    });
    if (found) out.set(member, found);
  }
  return out;
}
