// A coach edits an assignment's words, target and evaluation criteria from its card's menu: for every
// week of the series or for this week only. Deadlines move with Postpone, not here. Each field is
// checked as in the new-assignment form (editChecks.ts), said beside it.
import { SegmentedControl, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import { DEFAULT_CRITERIA } from '../../../shared/critique/criteria';
import { useFieldError } from '../../shell/fieldChecks';
import type { NumberValue } from '../../shell/fieldChecks';
import { useAssignmentsStore, writeRules } from './assignmentsStore';
import { PromptInput, TargetMinutesInputs, TitleInput } from './AssignmentFields';
import { CriteriaInput } from './CriteriaInput';
import { checkEdit } from './editChecks';
import { RulesDialog } from '../ruleSet/RulesDialog';

const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

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
  const [min, setMin] = useState<NumberValue>(minutes(o.target.minSeconds));
  const [max, setMax] = useState<NumberValue>(minutes(o.target.maxSeconds));
  const [criteria, setCriteria] = useState<string[]>(o.criteria ?? []);
  const groupCriteria = useAssignmentsStore((s) => s.overview?.rules.criteria) ?? DEFAULT_CRITERIA;
  const [scope, setScope] = useState<'all' | 'this'>('all');
  const [tried, setTried] = useState(false);
  const error = useFieldError(tried);
  const { problems, body } = checkEdit(o, {
    title,
    prompt,
    min,
    max,
    criteria,
    onlyThis: weekly && scope === 'this',
  });

  const save = async () => {
    setTried(true);
    if (!body) return false;
    if (Object.keys(body).length === (body.occurrence ? 2 : 1)) return true; // nothing changed
    return writeRules('rules.editAssignment', { groupId, body }, 'assignments.edit.saved');
  };

  return (
    <RulesDialog
      title={t('assignments.edit.title')}
      action={t('assignments.edit.save')}
      run={save}
      onClose={onClose}
      problem={tried && !body ? 'forms.fixFields' : undefined}
      size="lg"
    >
      <TitleInput value={title} onChange={setTitle} error={error(problems.title)} />
      <PromptInput value={prompt} onChange={setPrompt} error={error(problems.prompt)} />
      <TargetMinutesInputs
        min={min}
        max={max}
        onMin={setMin}
        onMax={setMax}
        minError={error(problems.minMinutes)}
        maxError={error(problems.maxMinutes)}
      />
      <CriteriaInput
        value={criteria}
        onChange={setCriteria}
        fallback={groupCriteria}
        owner="assignment"
        error={error(problems.criteria)}
      />
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
