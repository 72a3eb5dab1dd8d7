// The fields of the small rules dialogs (check-in, and pardon, pause and revive behind a member's row)
// checked against the bounds the API holds them to, as they will be sent (trimmed where the dialog
// trims). Pure, so the limits test can hold every field to its schema.
import { ruleLimits } from '../../../shared/rules/ruleEvents';
import { localDateSchema } from '../../../shared/rules/zonedTime';
import { textProblem } from '../../shell/fieldChecks';
import type { FieldProblem, FieldProblems } from '../../shell/fieldChecks';

/** The reflection written with a check-in, shared with the speech. */
export const checkInReflectionProblem = (reflection: string) =>
  textProblem(reflection.trim(), { max: ruleLimits.reflection });

export function checkPardon(note: string): FieldProblems<'note'> {
  return { note: textProblem(note.trim(), { max: ruleLimits.pardonNote }) };
}

const dateProblem = (date: string): FieldProblem | undefined =>
  localDateSchema.safeParse(date).success ? undefined : { key: 'forms.needDate', missing: true };

export function checkPause(
  from: string,
  to: string,
  reason: string,
): FieldProblems<'from' | 'to' | 'reason'> {
  return {
    from: dateProblem(from),
    to:
      dateProblem(to) ??
      (dateProblem(from) || to >= from ? undefined : { key: 'assignments.member.toBeforeFrom' }),
    reason: textProblem(reason.trim(), { max: ruleLimits.pauseReason }),
  };
}

/** The terms are what the member agreed to and the whole group reads: some are needed. */
export function checkRevival(terms: string): FieldProblems<'terms'> {
  return { terms: textProblem(terms.trim(), { max: ruleLimits.revivalTerms, required: true }) };
}
