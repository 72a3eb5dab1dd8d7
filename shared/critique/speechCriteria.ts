// Which criteria a speech is scored on, read from the folded rules: its assignment occurrence's, its
// assignment's, the group's, else the defaults. Kept apart from criteria.ts, which rules/ imports for
// its schemas, so critique/ and rules/ do not import each other in a circle.
import type { RulesState } from '../rules/rulesState';
import { DEFAULT_CRITERIA } from './criteria';

/** The group's list: the latest rules version's, else the defaults. */
export function groupCriteria(rules: RulesState): readonly string[] {
  return rules.rules.at(-1)?.criteria ?? DEFAULT_CRITERIA;
}

/**
 * The criteria a speech is scored on: those of the assignment occurrence its speaker checked it in
 * for (the latest such check-in; an occurrence's own list before its assignment's), else the group's.
 */
export function speechCriteria(
  rules: RulesState,
  recording: { id: string; author: string },
): readonly string[] {
  let found: { key: string; hlc: string; id: string } | undefined;
  for (const [key, byMember] of Object.entries(rules.checkIns))
    for (const c of byMember[recording.author] ?? [])
      if (
        c.recording === recording.id &&
        (!found || c.hlc > found.hlc || (c.hlc === found.hlc && c.id > found.id))
      )
        found = { key, hlc: c.hlc, id: c.id };
  if (found) {
    const [assignmentId, occurrence] = found.key.split('#') as [string, string];
    const a = rules.assignments[assignmentId];
    const own = a?.edits[occurrence]?.criteria ?? a?.criteria;
    if (own) return own;
  }
  return groupCriteria(rules);
}
