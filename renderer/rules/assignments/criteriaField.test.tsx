// The coach's criteria from the three forms to event bodies: empty means "no list of its own".
import { describe, expect, it } from 'vitest';
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import { assignmentCreatedBody, assignmentEditedBody } from '../../../shared/rules/ruleEvents';
import { checkDraft, defaultDraft } from './assignmentForm';
import type { AssignmentDraft } from './assignmentForm';
import { criteriaField } from './criteriaField';
import { checkEdit } from './editChecks';

const draftBody = (d: AssignmentDraft) => checkDraft(d, '2026-03-02').body;
const editBody = (...args: Parameters<typeof checkEdit>) => checkEdit(...args).body;

const occurrence = {
  key: `${'a'.repeat(64)}#2`,
  assignment: 'a'.repeat(64),
  occurrence: 2,
  title: '讲一个故事',
  prompt: '',
  target: { minSeconds: 300, maxSeconds: 420 },
  criteria: ['开场', '眼神交流'],
} as OccurrenceView;
const same = { title: '讲一个故事', prompt: '', min: 5, max: 7, onlyThis: false };

describe('criteria in the assignment forms', () => {
  it('checks a list, and leaves an empty one as null', () => {
    expect(criteriaField([])).toEqual({ criteria: null });
    expect(criteriaField([' 开场 '])).toEqual({ criteria: ['开场'] });
    expect(criteriaField(['a', ' a'])).toBe('assignments.criteria.bad');
  });

  it('puts a new assignment’s criteria in its body only when there are some', () => {
    const draft = { ...defaultDraft('2026-03-02'), title: '讲一个故事' };
    expect('criteria' in (draftBody(draft) as object)).toBe(false);
    const body = draftBody({ ...draft, criteria: ['眼神交流', 'pacing'] });
    expect(assignmentCreatedBody.parse(body).criteria).toEqual(['眼神交流', 'pacing']);
    const nine = { ...draft, criteria: Array.from({ length: 9 }, (_, i) => `c${i}`) };
    expect(draftBody(nine)).toBeUndefined();
    expect(checkDraft(nine, '2026-03-02').problems.criteria).toEqual({ key: 'assignments.criteria.bad' });
  });

  it('edits criteria only when they changed; clearing them writes null', () => {
    expect(editBody(occurrence, { ...same, criteria: ['开场', '眼神交流'] })).toEqual({
      assignment: occurrence.assignment,
    });
    const changed = editBody(occurrence, { ...same, criteria: ['故事'], onlyThis: true });
    expect(assignmentEditedBody.parse(changed)).toEqual({
      assignment: occurrence.assignment,
      occurrence: 2,
      criteria: ['故事'],
    });
    expect(editBody(occurrence, { ...same, criteria: [] })).toEqual({
      assignment: occurrence.assignment,
      criteria: null,
    });
  });
});
