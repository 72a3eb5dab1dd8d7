// A coach sets an assignment: title, prompt (Markdown, or one of the prompt ideas), target length
// (which drives the recording's timer lights), and a weekly series or a one-off with its deadlines, none
// of them already past (said beside the field, before anything is written).
import { Button, Menu, SegmentedControl, Text } from '@mantine/core';
import { IconBulb } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CRITERIA } from '../../../shared/critique/criteria';
import { FALLBACK_TIME_ZONE } from '../../../shared/rules/zonedTime';
import { DateField } from '../../shell/DateFields';
import { useFieldError } from '../../shell/fieldChecks';
import { hostNow, useAssignmentsStore, writeRules } from './assignmentsStore';
import {
  DeadlineInputs,
  PromptInput,
  TargetMinutesInputs,
  TitleInput,
  WeeklyDeadlineInput,
} from './AssignmentFields';
import { CriteriaInput } from './CriteriaInput';
import { RulesDialog } from '../ruleSet/RulesDialog';
import { checkDraft, defaultDraft, passedDeadline, promptIdeas } from './assignmentForm';
import type { AssignmentDraft } from './assignmentForm';

export function AssignmentForm({
  groupId,
  today,
  onClose,
}: {
  groupId: string;
  today: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<AssignmentDraft>(() => defaultDraft(today));
  const [tried, setTried] = useState(false);
  const { problems, body } = checkDraft(draft, today);
  const error = useFieldError(tried);
  const groupCriteria = useAssignmentsStore((s) => s.overview?.rules.criteria) ?? DEFAULT_CRITERIA;
  const timeZone = useAssignmentsStore((s) => s.overview?.timeZone) ?? FALLBACK_TIME_ZONE;
  const passed = passedDeadline(draft, timeZone, hostNow());
  const passedOn = (field: 'submitBy' | 'startsOn') => (passed?.field === field ? t(passed.key) : undefined);
  const set = <K extends keyof AssignmentDraft>(key: K, value: AssignmentDraft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  const save = async () => {
    setTried(true);
    if (!body || passedDeadline(draft, timeZone, hostNow())) return false;
    return writeRules('rules.createAssignment', { groupId, body }, 'assignments.created');
  };

  return (
    <RulesDialog
      title={t('assignments.form.title')}
      action={t('assignments.form.save')}
      run={save}
      onClose={onClose}
      problem={tried && (!body || passed) ? 'forms.fixFields' : undefined}
      size="lg"
    >
      <TitleInput
        value={draft.title}
        onChange={(title) => set('title', title)}
        error={error(problems.title)}
        aside={
          <Menu position="bottom-end">
            <Menu.Target>
              <Button variant="default" leftSection={<IconBulb size={16} />} mt={26}>
                {t('assignments.form.ideas')}
              </Button>
            </Menu.Target>
            <Menu.Dropdown>
              {promptIdeas.map((id) => (
                <Menu.Item
                  key={id}
                  onClick={() =>
                    setDraft((d) => ({
                      ...d,
                      title: t(`assignments.ideas.${id}.title`),
                      prompt: t(`assignments.ideas.${id}.prompt`),
                    }))
                  }
                >
                  {t(`assignments.ideas.${id}.title`)}
                </Menu.Item>
              ))}
            </Menu.Dropdown>
          </Menu>
        }
      />
      <PromptInput
        value={draft.prompt}
        onChange={(prompt) => set('prompt', prompt)}
        error={error(problems.prompt)}
      />
      <TargetMinutesInputs
        min={draft.minMinutes}
        max={draft.maxMinutes}
        onMin={(minutes) => set('minMinutes', minutes)}
        onMax={(minutes) => set('maxMinutes', minutes)}
        minError={error(problems.minMinutes)}
        maxError={error(problems.maxMinutes)}
      />
      <SegmentedControl
        aria-label={t('assignments.form.repeat')}
        value={draft.repeat}
        onChange={(v) => set('repeat', v as AssignmentDraft['repeat'])}
        data={[
          { value: 'weekly', label: t('assignments.form.weekly') },
          { value: 'once', label: t('assignments.form.once') },
        ]}
      />
      {draft.repeat === 'weekly' ? (
        <>
          <DateField
            label={t('assignments.form.startsOn')}
            value={draft.startsOn}
            error={passedOn('startsOn') ?? error(problems.startsOn)}
            onChange={(date) => set('startsOn', date)}
          />
          <WeeklyDeadlineInput
            kind="submit"
            day={draft.submitDay}
            time={draft.submitTime}
            onDay={(day) => set('submitDay', day)}
            onTime={(time) => set('submitTime', time)}
            timeError={error(problems.submitTime)}
          />
          <WeeklyDeadlineInput
            kind="critique"
            day={draft.critiqueDay}
            time={draft.critiqueTime}
            onDay={(day) => set('critiqueDay', day)}
            onTime={(time) => set('critiqueTime', time)}
            timeError={error(problems.critiqueTime)}
          />
        </>
      ) : (
        <DeadlineInputs
          submitBy={draft.submitBy}
          critiqueBy={draft.critiqueBy}
          onSubmitBy={(at) => set('submitBy', at)}
          onCritiqueBy={(at) => set('critiqueBy', at)}
          submitError={passedOn('submitBy') ?? error(problems.submitBy)}
          critiqueError={error(problems.critiqueBy)}
        />
      )}
      <Text size="xs" c="dimmed">
        {t('assignments.form.zoneHint')}
      </Text>
      <CriteriaInput
        value={draft.criteria}
        onChange={(criteria) => set('criteria', criteria)}
        fallback={groupCriteria}
        owner="assignment"
        error={error(problems.criteria)}
      />
    </RulesDialog>
  );
}
