// The group's rules as a coach edits them: a flat draft of numbers (empty "out" limits mean never; an
// offline grace the rules leave out reads as its default, 24 h) and the evaluation criteria (empty
// means the defaults), checked field by field against the API's bounds and turned into a rules.set
// body. Pure, so it is unit-tested.
import { DEFAULT_OFFLINE_GRACE_HOURS, offlineGraceHours } from '../../../shared/rules/rulesInForce';
import type { RulesAt } from '../../../shared/rules/rulesInForce';
import { ruleLimits } from '../../../shared/rules/ruleEvents';
import type { RulesSetBody } from '../../../shared/rules/ruleEvents';
import { noProblems, numberOf, numberProblem } from '../../shell/fieldChecks';
import type { FieldProblems, NumberValue } from '../../shell/fieldChecks';
import { criteriaField, sameCriteria } from '../assignments/criteriaField';

export interface RulesDraft extends RulesNumbers {
  /** The group's evaluation criteria; empty means the defaults. */
  criteria: string[];
}

/** As typed: a number, or what Mantine's number field holds while it is not one. */
export interface RulesNumbers {
  onTime: NumberValue;
  late: NumberValue;
  critique: NumberValue;
  missPenalty: NumberValue;
  critiqueMissPenalty: NumberValue;
  /** 0 means "never out for misses in a row". */
  missesInARow: NumberValue;
  /** 0 means "never out for misses in total". */
  missesTotal: NumberValue;
  critiquesPerAssignment: NumberValue;
  /** Hours after a deadline within which another member should have seen an on-time check-in. */
  offlineGraceHours: NumberValue;
}

export type RulesField = keyof RulesNumbers | 'criteria';

/** Each number field, its bounds (the API's; 0 for "never" where the rules leave a limit out) and the i18n key of its hint. */
export const rulesFields: readonly { key: keyof RulesNumbers; min: number; max: number; hint?: string }[] = [
  { key: 'onTime', min: 0, max: ruleLimits.points },
  { key: 'late', min: 0, max: ruleLimits.points },
  { key: 'critique', min: 0, max: ruleLimits.points },
  { key: 'missPenalty', min: 0, max: ruleLimits.points },
  { key: 'critiqueMissPenalty', min: 0, max: ruleLimits.points },
  { key: 'critiquesPerAssignment', min: 0, max: ruleLimits.critiquesPerAssignment },
  { key: 'missesInARow', min: 0, max: ruleLimits.missesInARow, hint: 'assignments.rules.zeroNever' },
  { key: 'missesTotal', min: 0, max: ruleLimits.missesTotal, hint: 'assignments.rules.zeroNever' },
  {
    key: 'offlineGraceHours',
    ...ruleLimits.offlineGraceHours,
    hint: 'assignments.rules.offlineGraceHint',
  },
];

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

/** What is wrong with each field, and the rules.set body when nothing is. */
export function checkRules(d: RulesDraft): { problems: FieldProblems<RulesField>; body?: RulesSetBody } {
  const problems: FieldProblems<RulesField> = {};
  for (const { key, min, max } of rulesFields)
    problems[key] = numberProblem(d[key], { min, max, whole: true });
  const criteria = criteriaField(d.criteria);
  if (typeof criteria === 'string') problems.criteria = { key: criteria };
  if (!noProblems(problems) || typeof criteria === 'string') return { problems };
  const n = (key: keyof RulesNumbers) => numberOf(d[key])!;
  return {
    problems,
    body: {
      points: {
        onTime: n('onTime'),
        late: n('late'),
        critique: n('critique'),
        missPenalty: n('missPenalty'),
        critiqueMissPenalty: n('critiqueMissPenalty'),
      },
      out: {
        ...(n('missesInARow') > 0 ? { missesInARow: n('missesInARow') } : {}),
        ...(n('missesTotal') > 0 ? { missesTotal: n('missesTotal') } : {}),
      },
      critiquesPerAssignment: n('critiquesPerAssignment'),
      ...(criteria.criteria ? { criteria: criteria.criteria } : {}),
      // The default is left out, as rules written before the setting existed left it out.
      ...(n('offlineGraceHours') !== DEFAULT_OFFLINE_GRACE_HOURS
        ? { offlineGraceHours: n('offlineGraceHours') }
        : {}),
    },
  };
}

/** Whether the draft says the same as the rules in force (nothing to save). */
export function sameRules(d: RulesDraft, rules: RulesAt): boolean {
  const { criteria, ...now } = rulesDraft(rules);
  return (
    (Object.keys(now) as (keyof RulesNumbers)[]).every((k) => now[k] === numberOf(d[k])) &&
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
