// A coach edits an assignment's words, target and evaluation criteria from its card's menu: for every
// week of the series or for this week only. Deadlines move with Postpone, not here.
import { SegmentedControl, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceView } from '../../shared/api/rulesOverview';
import { DEFAULT_CRITERIA } from '../../shared/critique/criteria';
import type { AssignmentEditedBody } from '../../shared/rules/ruleEvents';
import { useAssignmentsStore, writeRules } from './assignmentsStore';
import { criteriaField, sameCriteria } from './criteriaField';
import { PromptInput, TargetMinutesInputs } from './AssignmentFields';
import { CriteriaInput } from './CriteriaInput';
import { RulesDialog } from './RulesDialog';

const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

/** The edit body with only what changed, or the i18n key of what is wrong. */
export function editBody(
  o: OccurrenceView,
  draft: {
    title: string;
    prompt: string;
    min: number;
    max: number;
    criteria: string[];
    onlyThis: boolean;
  },
): AssignmentEditedBody | string {
  if (!draft.title.trim()) return 'assignments.form.needTitle';
  if (!(draft.max > draft.min) || draft.min < 0) return 'assignments.form.badTarget';
  const target = { minSeconds: Math.round(draft.min * 60), maxSeconds: Math.round(draft.max * 60) };
  const sameTarget = target.minSeconds === o.target.minSeconds && target.maxSeconds === o.target.maxSeconds;
  const criteria = criteriaField(draft.criteria);
  if (typeof criteria === 'string') return criteria;
  return {
    assignment: o.assignment,
    ...(draft.onlyThis ? { occurrence: o.occurrence } : {}),
    ...(draft.title.trim() !== o.title ? { title: draft.title.trim() } : {}),
    ...(draft.prompt !== o.prompt ? { prompt: draft.prompt } : {}),
    ...(sameTarget ? {} : { target }),
    ...(sameCriteria(criteria.criteria ?? [], o.criteria) ? {} : criteria),
  };
}

export function EditAssignmentDialog({
  groupId,
  occurrence: o,
  weekly,
  onClose,
}: {
  groupId: string;
  occurrence: OccurrenceView;
  weekly: boolean;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [title, setTitle] = useState(o.title);
  const [prompt, setPrompt] = useState(o.prompt);
  const [min, setMin] = useState(minutes(o.target.minSeconds));
  const [max, setMax] = useState(minutes(o.target.maxSeconds));
  const [criteria, setCriteria] = useState<string[]>(o.criteria ?? []);
  const groupCriteria = useAssignmentsStore((s) => s.overview?.rules.criteria) ?? DEFAULT_CRITERIA;
  const [scope, setScope] = useState<'all' | 'this'>('all');
  const [problem, setProblem] = useState<string>();

  const save = async () => {
    const body = editBody(o, { title, prompt, min, max, criteria, onlyThis: weekly && scope === 'this' });
    setProblem(typeof body === 'string' ? body : undefined);
    if (typeof body === 'string') return false;
    if (Object.keys(body).length === (body.occurrence ? 2 : 1)) return true; // nothing changed
    return writeRules('rules.editAssignment', { groupId, body }, 'assignments.edit.saved');
  };

  return (
    <RulesDialog
      title={t('assignments.edit.title')}
      action={t('assignments.edit.save')}
      run={save}
      onClose={onClose}
      problem={problem}
      size="lg"
    >
      <TextInput
        label={t('assignments.form.name')}
        value={title}
        maxLength={200}
        onChange={(e) => setTitle(e.currentTarget.value)}
      />
      <PromptInput value={prompt} onChange={setPrompt} />
      <TargetMinutesInputs min={min} max={max} onMin={setMin} onMax={setMax} />
      <CriteriaInput value={criteria} onChange={setCriteria} fallback={groupCriteria} owner="assignment" />
      {weekly ? (
        <SegmentedControl
          aria-label={t('assignments.edit.scope')}
          value={scope}
          onChange={(v) => setScope(v as 'all' | 'this')}
          data={[
            { value: 'all', label: t('assignments.edit.allWeeks') },
            { value: 'this', label: t('assignments.edit.thisWeek') },
          ]}
        />
      ) : null}
      <Text size="xs" c="dimmed">
        {t('assignments.edit.hint')}
      </Text>
    </RulesDialog>
  );
}
