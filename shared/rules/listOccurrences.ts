// The concrete Assignments members see: every occurrence of every assignment, with edits,
// postponements and cancellations applied and its deadlines as instants in the group's zone.
import type { GroupState } from '../group/groupState';
import { expandSchedule } from './expandSchedule';
import type { LocalDeadlines } from './expandSchedule';
import { hasOccurrence } from './rulesSlice';
import { occurrenceKey, rulesStateOf } from './rulesState';
import type { AssignmentContent, AssignmentRecord, RulesState } from './rulesState';
import { FALLBACK_TIME_ZONE, hlcMillis, wallTimeAt, zonedInstant } from './zonedTime';

export interface Occurrence extends AssignmentContent {
  /** `<assignment id>#<occurrence>`. */
  key: string;
  assignment: string;
  occurrence: number;
  /** Local date-times in the group's time zone, as the coach wrote them. */
  submitBy: string;
  critiqueBy: string;
  /** The same deadlines as instants (epoch milliseconds): on time means clock wall time ≤ these. */
  submitDeadline: number;
  critiqueDeadline: number;
}

/**
 * Occurrences of all assignments whose submission deadline is at or before `through` (epoch
 * ms; all of them when omitted), ordered by submission deadline, then key. An occurrence due
 * before its assignment was announced, cancelled on its own, or due after the whole
 * assignment was cancelled does not appear. With `dueBeforeSet`, only the occurrences due
 * before their assignment was announced appear (they never count: this is for showing them).
 */
export function listOccurrences(
  rules: RulesState,
  timeZone: string,
  options: { through?: number; dueBeforeSet?: boolean } = {},
): Occurrence[] {
  const out: Occurrence[] = [];
  const throughLocal = options.through === undefined ? undefined : wallTimeAt(options.through, timeZone);
  for (const a of Object.values(rules.assignments)) {
    for (const d of deadlinesOf(a, throughLocal)) {
      const submitDeadline = zonedInstant(d.submitBy, timeZone);
      if (options.through !== undefined && submitDeadline > options.through) continue;
      if (submitDeadline <= hlcMillis(a.createdAt) !== (options.dueBeforeSet ?? false)) continue;
      if (a.cancelled.includes(d.occurrence)) continue;
      if (a.endedAt && submitDeadline > hlcMillis(a.endedAt)) continue;
      out.push({
        key: occurrenceKey(a.id, d.occurrence),
        assignment: a.id,
        occurrence: d.occurrence,
        title: a.title,
        prompt: a.prompt,
        target: a.target,
        ...(a.criteria ? { criteria: a.criteria } : {}),
        ...a.edits[d.occurrence],
        submitBy: d.submitBy,
        critiqueBy: d.critiqueBy,
        submitDeadline,
        critiqueDeadline: zonedInstant(d.critiqueBy, timeZone),
      });
    }
  }
  return out.sort((x, y) => x.submitDeadline - y.submitDeadline || (x.key < y.key ? -1 : 1));
}

/** The occurrences of a folded state, in the group's time zone. */
export function occurrencesOf(state: GroupState, options: { through?: number } = {}): Occurrence[] {
  return listOccurrences(rulesStateOf(state), state.group?.timeZone ?? FALLBACK_TIME_ZONE, options);
}

function deadlinesOf(a: AssignmentRecord, throughLocal: string | undefined): LocalDeadlines[] {
  // Expand a little past `through` in local time, since a zone's offset can put the instant either side.
  const margin = throughLocal === undefined ? undefined : nextDays(throughLocal, 2);
  const expanded = expandSchedule(a.schedule, margin === undefined ? {} : { through: margin });
  const seen = new Set(expanded.map((d) => d.occurrence));
  // A postponed occurrence may have moved from beyond the expansion into range.
  for (const n of Object.keys(a.moved).map(Number)) {
    if (!seen.has(n) && hasOccurrence(a, n)) expanded.push({ occurrence: n, submitBy: '', critiqueBy: '' });
  }
  return expanded.map((d) => ({ ...d, ...a.moved[d.occurrence] }));
}

/** A local date-time plus whole calendar days. */
function nextDays(local: string, days: number): string {
  const date = new Date(`${local.slice(0, 10)}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return `${date.toISOString().slice(0, 10)}${local.slice(10)}`;
}
