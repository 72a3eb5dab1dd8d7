// An assignment's edit (its words, target and criteria, for every week or one) checked field by field
// as the new-assignment form checks them (assignmentForm.ts), and the edit body with only what changed.
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import type { AssignmentEditedBody } from '../../../shared/rules/ruleEvents';
import { noProblems } from '../../shell/fieldChecks';
import type { FieldProblems, NumberValue } from '../../shell/fieldChecks';
import { checkTarget, promptProblem, titleProblem } from './assignmentForm';
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
