// The rules in force, as everyone reads them (points, penalties, when a member is out, critiques
// owed, the offline grace); a coach changes them from here, knowing a change applies from now on,
// never to the past.
import { Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import { IconAdjustments } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { offlineGraceHours } from '../../../shared/rules/rulesInForce';
import { formatSize } from '../../shell/formatSize';
import { RulesForm } from './RulesForm';

export function RulesPanel({ groupId, overview }: { groupId: string; overview: RulesOverview }) {
  const { t, i18n } = useTranslation();
  const [editing, setEditing] = useState(false);
  const { points, out, critiquesPerAssignment, version } = overview.rules;
  const never = t('assignments.rules.never');
  const minus = (n: number) => (n === 0 ? '0' : `−${n}`);
  const rows: [string, string][] = [
    [t('assignments.rules.onTime'), `+${points.onTime}`],
    [t('assignments.rules.late'), `+${points.late}`],
    [t('assignments.rules.critique'), `+${points.critique}`],
    [t('assignments.rules.missPenalty'), minus(points.missPenalty)],
    [t('assignments.rules.critiqueMissPenalty'), minus(points.critiqueMissPenalty)],
    [t('assignments.rules.missesInARow'), out.missesInARow ? String(out.missesInARow) : never],
    [t('assignments.rules.missesTotal'), out.missesTotal ? String(out.missesTotal) : never],
    [t('assignments.rules.critiquesPerAssignment'), String(critiquesPerAssignment)],
    [
      t('assignments.rules.offlineGraceHours'),
      t('assignments.rules.hoursValue', { hours: offlineGraceHours(overview.rules) }),
    ],
    [
      t('assignments.rules.shareLimitRow'),
      overview.shareLimit === null
        ? t('assignments.rules.noLimit')
        : formatSize(overview.shareLimit, i18n.language),
    ],
  ];
  return (
    <Paper withBorder p="md" radius="md" data-testid="rules-panel">
      <Group justify="space-between" mb="sm">
        <div>
          <Title order={2} size="h4">
            {t('assignments.rules.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t(version === 0 ? 'assignments.rules.defaults' : 'assignments.rules.version', { version })}
          </Text>
        </div>
        {overview.isCoach ? (
          <Button
            size="xs"
            variant="default"
            leftSection={<IconAdjustments size={14} />}
            onClick={() => setEditing(true)}
          >
            {t('assignments.rules.change')}
          </Button>
        ) : null}
      </Group>
      <Table
        aria-label={t('assignments.rules.title')}
        withRowBorders={false}
        verticalSpacing={4}
        horizontalSpacing="lg"
        w="auto"
      >
        <Table.Tbody>
          {rows.map(([label, value]) => (
            <Table.Tr key={label}>
              <Table.Th scope="row" fw={400}>
                {label}
              </Table.Th>
              <Table.Td fw={600} data-testid="rule-value">
                {value}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
      <Text size="xs" c="dimmed" mt="sm">
        {t('assignments.rules.fromNowOn')}
      </Text>
      {editing ? (
        <RulesForm
          groupId={groupId}
          rules={overview.rules}
          shareLimit={overview.shareLimit}
          onClose={() => setEditing(false)}
        />
      ) : null}
    </Paper>
  );
}
