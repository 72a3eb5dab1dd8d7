// A coach changes the group's rules: points, penalties, when misses put a member out, critiques
// owed, the offline grace for check-ins nobody else saw, the evaluation criteria. The new version is
// in force for deadlines from now on; decided weeks keep their scores.
import { Alert, NumberInput, SimpleGrid, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_CRITERIA } from '../../shared/critique/criteria';
import type { RulesAt } from '../../shared/rules/rulesInForce';
import { writeRules } from './assignmentsStore';
import { CriteriaInput } from './CriteriaInput';
import { RulesDialog } from './RulesDialog';
import { rulesBody, rulesDraft, sameRules } from './rulesDraft';
import type { RulesNumbers } from './rulesDraft';

/** Each number field: its bounds, and the i18n key of its one-line hint, if any. */
const fields: { key: keyof RulesNumbers; min?: number; max: number; hint?: string }[] = [
  { key: 'onTime', max: 1000 },
  { key: 'late', max: 1000 },
  { key: 'critique', max: 1000 },
  { key: 'missPenalty', max: 1000 },
  { key: 'critiqueMissPenalty', max: 1000 },
  { key: 'critiquesPerAssignment', max: 20 },
  { key: 'missesInARow', max: 100, hint: 'assignments.rules.zeroNever' },
  { key: 'missesTotal', max: 1000, hint: 'assignments.rules.zeroNever' },
  { key: 'offlineGraceHours', min: 1, max: 168, hint: 'assignments.rules.offlineGraceHint' },
];

export function RulesForm({ groupId, rules, onClose }: { groupId: string; rules: RulesAt; onClose(): void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => rulesDraft(rules));
  const [problem, setProblem] = useState<string>();

  const save = async () => {
    const body = rulesBody(draft);
    setProblem(typeof body === 'string' ? body : undefined);
    if (typeof body === 'string') return false;
    return writeRules('rules.setRules', { groupId, body }, 'assignments.rules.saved');
  };

  return (
    <RulesDialog
      title={t('assignments.rules.formTitle')}
      action={t('assignments.rules.apply')}
      run={save}
      onClose={onClose}
      problem={problem}
      ready={!sameRules(draft, rules)}
      size="lg"
    >
      <Alert variant="light" color="blue" icon={<IconInfoCircle />}>
        <Text size="sm" c="dark.9">
          {t('assignments.rules.notRetroactive')}
        </Text>
      </Alert>
      <SimpleGrid cols={2}>
        {fields.map(({ key, min = 0, max, hint }) => (
          <NumberInput
            key={key}
            label={t(`assignments.rules.${key}`)}
            description={hint ? t(hint) : undefined}
            min={min}
            max={max}
            step={1}
            allowDecimal={false}
            allowNegative={false}
            value={draft[key]}
            onChange={(v) => setDraft((d) => ({ ...d, [key]: typeof v === 'number' ? v : Number(v) || 0 }))}
          />
        ))}
      </SimpleGrid>
      <CriteriaInput
        value={draft.criteria}
        onChange={(criteria) => setDraft((d) => ({ ...d, criteria }))}
        fallback={DEFAULT_CRITERIA}
        owner="group"
      />
    </RulesDialog>
  );
}
