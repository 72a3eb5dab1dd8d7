// An assignment's edit (its words, target and criteria, for every week or one) checked field by field
// as the new-assignment form checks them (assignmentForm.ts), and the edit body with only what changed;
// and a postponed week's new deadlines.
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import type { AssignmentEditedBody } from '../../../shared/rules/ruleEvents';
import { zonedInstant } from '../../../shared/rules/zonedTime';
import { noProblems } from '../../shell/fieldChecks';
import type { FieldProblems, NumberValue } from '../../shell/fieldChecks';
import { checkDeadlines, checkTarget, promptProblem, titleProblem } from './assignmentForm';
import { criteriaField, sameCriteria } from './criteriaField';

export type EditField = 'title' | 'prompt' | 'minMinutes' | 'maxMinutes' | 'criteria';

/** What is wrong with each field, and the edit body with only what changed when nothing is. */
export function checkEdit(
  o: OccurrenceView,
  draft: {
    title: string;
    prompt: string;
    min: NumberValue;
    max: NumberValue;
    criteria: string[];
    onlyThis: boolean;
  },
): { problems: FieldProblems<EditField>; body?: AssignmentEditedBody } {
  const checked = checkTarget(draft.min, draft.max);
  const criteria = criteriaField(draft.criteria);
  const problems: FieldProblems<EditField> = {
    title: titleProblem(draft.title),
    prompt: promptProblem(draft.prompt),
    ...checked.problems,
    criteria: typeof criteria === 'string' ? { key: criteria } : undefined,
  };
  const target = checked.target;
  if (!noProblems(problems) || !target || typeof criteria === 'string') return { problems };
  const sameTarget = target.minSeconds === o.target.minSeconds && target.maxSeconds === o.target.maxSeconds;
  const body: AssignmentEditedBody = {
    assignment: o.assignment,
    ...(draft.onlyThis ? { occurrence: o.occurrence } : {}),
    ...(draft.title.trim() !== o.title ? { title: draft.title.trim() } : {}),
    ...(draft.prompt !== o.prompt ? { prompt: draft.prompt } : {}),
    ...(sameTarget ? {} : { target }),
    ...(sameCriteria(criteria.criteria ?? [], o.criteria) ? {} : criteria),
  };
  return { problems, body };
}

/**
 * A postponed week's deadlines, checked as a one-off's (both given, critiques after submissions), and
 * the new submission deadline not already past at `now` (epoch ms, the host's clock) in the group's
 * `timeZone`: a week postponed into the past would close the moment it is moved.
 */
export function checkPostpone(
  submitBy: string,
  critiqueBy: string,
  timeZone: string,
  now: number,
): FieldProblems<'submitBy' | 'critiqueBy'> {
  const problems = checkDeadlines(submitBy, critiqueBy);
  if (!problems.submitBy && zonedInstant(submitBy, timeZone) <= now)
    return { ...problems, submitBy: { key: 'assignments.postponePassed' } };
  return problems;
}
