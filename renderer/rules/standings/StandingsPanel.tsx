// The group's Standings tab: the leaderboard (points, streak, misses, status, a revived member's terms
// for all to read) with per-member actions (pardon, pause, revive), the rules in force, this member's
// history as a chart, and CSV; for a coach, the group's growth trends.
import { Button, Group, Loader, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { GroupTrends } from '../../growth/GroupTrends';
import { useOverview } from '../assignments/assignmentsStore';
import { downloadSeason } from './downloadSeason';
import { HistoryChart } from './HistoryChart';
import { MemberActionDialog, MemberActions } from './MemberActions';
import { StatusBadge } from './outcomeBadge';
import { RulesPanel } from '../ruleSet/RulesPanel';

export function StandingsPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const overview = useOverview(groupId);
  if (!overview) return <Loader aria-label={t('common.loading')} />;
  const { standings, me } = overview;
  const mine = standings.members.find((s) => s.member === me);
  const actions = overview.isCoach || Boolean(mine);
  return (
    <Stack>
      <Paper withBorder p="md" radius="md">
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h4">
            {t('assignments.standings.title')}
          </Title>
          <Button
            size="xs"
            variant="default"
            leftSection={<IconDownload size={14} />}
            onClick={() => downloadSeason(standings, t)}
          >
            {t('assignments.week.exportSeason')}
          </Button>
        </Group>
        {standings.members.length === 0 ? (
          <Text c="dimmed">{t('assignments.standings.empty')}</Text>
        ) : (
          <Table striped aria-label={t('assignments.standings.title')}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>#</Table.Th>
                <Table.Th>{t('assignments.col.member')}</Table.Th>
                <Table.Th>{t('assignments.col.points')}</Table.Th>
                <Table.Th>{t('assignments.col.streak')}</Table.Th>
                <Table.Th>{t('assignments.col.misses')}</Table.Th>
                <Table.Th>{t('assignments.col.status')}</Table.Th>
                {actions ? <Table.Th>{t('assignments.col.actions')}</Table.Th> : null}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {standings.members.map((s, i) => (
                <Table.Tr key={s.member} data-testid="standing-row" fw={s.member === me ? 700 : undefined}>
                  <Table.Td>{i + 1}</Table.Td>
                  <Table.Td>
                    <Text size="sm" fw="inherit">
                      {s.name}
                    </Text>
                    {s.revival ? (
                      <Text
                        size="xs"
                        c="dimmed"
                        style={{ whiteSpace: 'pre-wrap' }}
                        data-testid="standing-terms"
                      >
                        {t('assignments.standing.termsOf', { terms: s.revival.terms })}
                      </Text>
                    ) : null}
                  </Table.Td>
                  <Table.Td>{s.points}</Table.Td>
                  <Table.Td>{s.streak}</Table.Td>
                  <Table.Td>
                    {t('assignments.standings.misses', { inRow: s.missesInARow, total: s.missesTotal })}
                  </Table.Td>
                  <Table.Td>
                    <StatusBadge status={s.status} />
                  </Table.Td>
                  {actions ? (
                    <Table.Td>
                      <MemberActions standing={s} overview={overview} />
                    </Table.Td>
                  ) : null}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Paper>
      <RulesPanel groupId={groupId} overview={overview} />
      {overview.isCoach ? <GroupTrends groupId={groupId} /> : null}
      <MemberActionDialog groupId={groupId} overview={overview} />
      {mine ? (
        <Paper withBorder p="md" radius="md">
          <Title order={2} size="h4" mb="sm">
            {t('assignments.chart.title')}
          </Title>
          {mine.history.some((h) => h.outcome !== 'open') ? (
            <HistoryChart history={mine.history} />
          ) : (
            <Text c="dimmed">{t('assignments.chart.empty')}</Text>
          )}
        </Paper>
      ) : null}
    </Stack>
  );
}
