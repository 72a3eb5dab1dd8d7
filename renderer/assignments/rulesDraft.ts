// The group's rules as a coach edits them: a flat draft of numbers (empty "out" limits mean never; an
// offline grace the rules leave out reads as its default, 24 h) and the evaluation criteria (empty
// means the defaults), turned into a rules.set body or the i18n key of what is wrong. Pure, so it is
// unit-tested.
import { DEFAULT_OFFLINE_GRACE_HOURS, offlineGraceHours } from '../../shared/rules/rulesInForce';
import type { RulesAt } from '../../shared/rules/rulesInForce';
import type { RulesSetBody } from '../../shared/rules/ruleEvents';
import { criteriaField, sameCriteria } from './criteriaField';

export interface RulesDraft extends RulesNumbers {
  /** The group's evaluation criteria; empty means the defaults. */
  criteria: string[];
}

export interface RulesNumbers {
  onTime: number;
  late: number;
  critique: number;
  missPenalty: number;
  critiqueMissPenalty: number;
  /** 0 means "never out for misses in a row". */
  missesInARow: number;
  /** 0 means "never out for misses in total". */
  missesTotal: number;
  critiquesPerAssignment: number;
  /** Hours after a deadline within which another member should have seen an on-time check-in. */
  offlineGraceHours: number;
}

export function rulesDraft(rules: RulesAt): RulesDraft {
  return {
    onTime: rules.points.onTime,
    late: rules.points.late,
    critique: rules.points.critique,
    missPenalty: rules.points.missPenalty,
    critiqueMissPenalty: rules.points.critiqueMissPenalty,
    missesInARow: rules.out.missesInARow ?? 0,
    missesTotal: rules.out.missesTotal ?? 0,
    critiquesPerAssignment: rules.critiquesPerAssignment,
    offlineGraceHours: offlineGraceHours(rules),
    criteria: rules.criteria ?? [],
  };
}

const whole = (n: number, max: number) => Number.isInteger(n) && n >= 0 && n <= max;

/** The rules.set body, or the i18n key of the first problem. */
export function rulesBody(d: RulesDraft): RulesSetBody | string {
  const points = [d.onTime, d.late, d.critique, d.missPenalty, d.critiqueMissPenalty];
  if (!points.every((n) => whole(n, 1000))) return 'assignments.rules.badPoints';
  if (!whole(d.missesInARow, 100) || !whole(d.missesTotal, 1000)) return 'assignments.rules.badOut';
  if (!whole(d.critiquesPerAssignment, 20)) return 'assignments.rules.badK';
  if (!whole(d.offlineGraceHours, 168) || d.offlineGraceHours < 1) return 'assignments.rules.badGrace';
  const criteria = criteriaField(d.criteria);
  if (typeof criteria === 'string') return criteria;
  return {
    points: {
      onTime: d.onTime,
      late: d.late,
      critique: d.critique,
      missPenalty: d.missPenalty,
      critiqueMissPenalty: d.critiqueMissPenalty,
    },
    out: {
      ...(d.missesInARow > 0 ? { missesInARow: d.missesInARow } : {}),
      ...(d.missesTotal > 0 ? { missesTotal: d.missesTotal } : {}),
    },
    critiquesPerAssignment: d.critiquesPerAssignment,
    ...(criteria.criteria ? { criteria: criteria.criteria } : {}),
    // The default is left out, as rules written before the setting existed left it out.
    ...(d.offlineGraceHours !== DEFAULT_OFFLINE_GRACE_HOURS
      ? { offlineGraceHours: d.offlineGraceHours }
      : {}),
  };
}

/** Whether the draft says the same as the rules in force (nothing to save). */
export function sameRules(d: RulesDraft, rules: RulesAt): boolean {
  const { criteria, ...now } = rulesDraft(rules);
  return (
    (Object.keys(now) as (keyof RulesNumbers)[]).every((k) => now[k] === d[k]) &&
    sameCriteria(criteria, d.criteria)
  );
}

/** Local date `days` after `date` (YYYY-MM-DD), calendar arithmetic in UTC. */
export function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** Today's date in `timeZone` at `at` (epoch ms). */
export const localDate = (at: number, timeZone: string) =>
  new Intl.DateTimeFormat('en-CA', { timeZone }).format(at);
