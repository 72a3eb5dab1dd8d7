// A coach changes the group's rules: points, penalties, when misses put a member out, critiques
// owed, the offline grace for check-ins nobody else saw, the evaluation criteria, and the largest
// file a member may share (its own event, share.limit). The new version is in force for deadlines
// from now on; decided weeks keep their scores.
import { Alert, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CRITERIA } from '../../../shared/critique/criteria';
import type { RulesAt } from '../../../shared/rules/rulesInForce';
import { useFieldError } from '../../shell/fieldChecks';
import { writeRules } from '../assignments/assignmentsStore';
import { CriteriaInput } from '../assignments/CriteriaInput';
import { RulesDialog } from './RulesDialog';
import { checkRules, rulesDraft, rulesFields, sameRules } from './rulesDraft';
import { shareLimitBytes, shareLimitMB, shareLimitProblem, shareLimitValue } from './shareLimitField';

interface Props {
  groupId: string;
  rules: RulesAt;
  /** The cap on a shared file in force, in bytes; null: none. */
  shareLimit: number | null;
  onClose(): void;
}

export function RulesForm({ groupId, rules, shareLimit, onClose }: Props) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => rulesDraft(rules));
  const [cap, setCap] = useState(() => shareLimitValue(shareLimit));
  const capProblem = shareLimitProblem(cap);
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { problems, body } = checkRules(draft);
  const error = useFieldError(tried);

  const save = async () => {
    setTried(true);
    const rulesChanged = !sameRules(draft, rules);
    const capChanged = !capProblem && shareLimitBytes(cap) !== shareLimit;
    const wrong =
      !body || capProblem
        ? 'forms.fixFields'
        : !rulesChanged && !capChanged
          ? 'assignments.rules.unchanged'
          : undefined;
    setProblem(wrong);
    if (!body || wrong) return false;
    let saved = true;
    if (rulesChanged)
      saved = await writeRules('rules.setRules', { groupId, body }, 'assignments.rules.saved');
    if (saved && capChanged)
      saved = await writeRules(
        'rules.setShareLimit',
        { groupId, body: { maxBytes: shareLimitBytes(cap) } },
        'assignments.rules.shareLimitSaved',
      );
    return saved;
  };

  return (
    <RulesDialog
      title={t('assignments.rules.formTitle')}
      action={t('assignments.rules.apply')}
      run={save}
      onClose={onClose}
      problem={problem}
      size="lg"
    >
      <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
        <Text size="sm" c="dark.9">
          {t('assignments.rules.notRetroactive')}
        </Text>
      </Alert>
      <SimpleGrid cols={2}>
        {rulesFields.map(({ key, min, max, hint }) => (
          <NumberInput
            key={key}
            label={t(`assignments.rules.${key}`)}
            description={hint ? t(hint) : undefined}
            min={min}
            max={max}
            step={1}
            clampBehavior="none"
            value={draft[key]}
            error={error(problems[key])}
            onChange={(v) => {
              setProblem(undefined);
              setDraft((d) => ({ ...d, [key]: v }));
            }}
          />
        ))}
        <NumberInput
          label={t('assignments.rules.shareLimit')}
          description={t('assignments.rules.shareLimitHint')}
          placeholder={t('assignments.rules.noLimit')}
          min={shareLimitMB.min}
          max={shareLimitMB.max}
          step={1}
          clampBehavior="none"
          allowNegative={false}
          suffix=" MB"
          value={cap}
          error={error(capProblem)}
          onChange={(v) => {
            setProblem(undefined);
            setCap(v);
          }}
        />
      </SimpleGrid>
      <CriteriaInput
        value={draft.criteria}
        onChange={(criteria) => setDraft((d) => ({ ...d, criteria }))}
        fallback={DEFAULT_CRITERIA}
        owner="group"
        error={error(problems.criteria)}
      />
    </RulesDialog>
  );
}
