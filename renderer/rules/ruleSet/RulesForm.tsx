// A coach changes the group's rules: points, penalties, when misses put a member out, critiques
// owed, the offline grace for check-ins nobody else saw, the evaluation criteria. The new version is
// in force for deadlines from now on; decided weeks keep their scores.
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

export function RulesForm({ groupId, rules, onClose }: { groupId: string; rules: RulesAt; onClose(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => rulesDraft(rules));
  const [tried, setTried] = useState(false);
  const [problem, setProblem] = useState<string>();
  const { problems, body } = checkRules(draft);
  const error = useFieldError(tried);

  const save = async () => {
    setTried(true);
    const wrong = !body
      ? 'forms.fixFields'
      : sameRules(draft, rules)
        ? 'assignments.rules.unchanged'
        : undefined;
    setProblem(wrong);
    if (!body || wrong) return false;
    return writeRules('rules.setRules', { groupId, body }, 'assignments.rules.saved');
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
