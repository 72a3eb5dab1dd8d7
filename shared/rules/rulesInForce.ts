// Which version of the group's rules applies at a moment. A version is in force from its
// event's wall time on, never before: changing the rules never rescores the past.
import type { RulesSetBody } from './ruleEvents';
import type { RulesVersion } from './rulesState';
import { hlcMillis } from './zonedTime';

/** Rules before a coach sets any (version 0): documented in docs/rules.md. */
export const DEFAULT_RULES: RulesSetBody = {
  points: { onTime: 10, late: 5, critique: 2, missPenalty: 5, critiqueMissPenalty: 0 },
  out: { missesInARow: 3 },
  critiquesPerAssignment: 2,
};

/** The offline grace of rules that leave it out (every version before it existed). */
export const DEFAULT_OFFLINE_GRACE_HOURS = 24;

/** How long after a deadline an on-time check-in may go unseen by others before the coach is told. */
export const offlineGraceHours = (rules: Pick<RulesSetBody, 'offlineGraceHours'>): number =>
  rules.offlineGraceHours ?? DEFAULT_OFFLINE_GRACE_HOURS;

export interface RulesAt extends RulesSetBody {
  /** 0 for the defaults. */
  version: number;
}

/** The latest version set at or before `atMillis` (versions in the order they were set). */
export function rulesInForce(versions: readonly RulesVersion[], atMillis: number): RulesAt {
  let found: RulesAt = { ...DEFAULT_RULES, version: 0 };
  for (const v of versions) {
    if (hlcMillis(v.setAt) > atMillis) break;
    found = {
      points: v.points,
      out: v.out,
      critiquesPerAssignment: v.critiquesPerAssignment,
      ...(v.criteria ? { criteria: v.criteria } : {}),
      ...(v.offlineGraceHours !== undefined ? { offlineGraceHours: v.offlineGraceHours } : {}),
      version: v.version,
    };
  }
  return found;
}
