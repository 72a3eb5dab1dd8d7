// The coach's week at a glance: who submitted on time, late or not at all (and whose on-time check-in
// nobody else saw in time), critiques owed and given, who is at risk; the review queue of submissions
// short of critiques; CSV of week and season.
import { Badge, Button, Group, Paper, Select, Spoiler, Stack, Table, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { downloadFile } from '../../shell/downloadFile';
import { chooseWeek } from '../assignments/assignmentsStore';
import { CSV, downloadSeason } from './downloadSeason';
import { formatInstant } from '../assignments/formatDeadline';
import { OutcomeBadge } from './outcomeBadge';
import { UnwitnessedBadge } from './UnwitnessedBadge';
import { weekCsv, weekCsvName } from './weekCsv';

export function WeekReview({ groupId, overview }: { groupId: string; overview: RulesOverview }) {
  const { t, i18n } = useTranslation();
  const week = overview.week;
  const weeks = overview.assignments
    .flatMap((a) => a.occurrences.filter((o) => o.phase !== 'upcoming' || o.key === week?.key))
    .sort((x, y) => (x.submitDeadline < y.submitDeadline ? 1 : -1))
    .map((o) => ({ value: o.key, label: `${o.title} · ${o.submitBy.replace('T', ' ')}` }));
  const count = (outcomes: string[]) => week?.rows.filter((r) => outcomes.includes(r.outcome)).length ?? 0;

  return (
    <Paper withBorder p="md" radius="md" data-testid="week-review">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4">
            {t('assignments.week.title')}
          </Title>
          <Group gap="xs">
            {week ? (
              <Button
                size="xs"
                variant="default"
                leftSection={<IconDownload size={14} />}
                onClick={() =>
                  downloadFile(
                    weekCsvName(week),
                    weekCsv(week, overview.timeZone, {
                      column: (c) => t(`assignments.csv.${c}`),
                      outcome: (o) => t(`assignments.outcome.${o}`),
                      atRisk: t('assignments.csv.yes'),
                    }),
                    CSV,
                  )
                }
              >
                {t('assignments.week.exportWeek')}
              </Button>
            ) : null}
            <Button
              size="xs"
              variant="default"
              leftSection={<IconDownload size={14} />}
              onClick={() => downloadSeason(overview.standings, t)}
            >
              {t('assignments.week.exportSeason')}
            </Button>
          </Group>
        </Group>
        {!week ? <Text c="dimmed">{t('assignments.week.none')}</Text> : null}
        {week ? (
          <>
            {weeks.length > 1 ? (
              <Select
                label={t('assignments.week.choose')}
                data={weeks}
                value={week.key}
                allowDeselect={false}
                onChange={(key) => key && chooseWeek(groupId, key)}
                maw={420}
              />
            ) : (
              <Text fw={600}>{weeks[0]?.label ?? week.title}</Text>
            )}
            <Group gap="xs" data-testid="week-summary">
              <Badge variant="outline" color="teal.9">
                {t('assignments.week.onTime', { count: count(['on-time', 'submitted']) })}
              </Badge>
              <Badge variant="outline" color="#a63c00">
                {t('assignments.week.late', { count: count(['late']) })}
              </Badge>
              {/* Before the deadline nobody has missed anything yet: they have not submitted yet. */}
              {count(['open']) > 0 || week.phase === 'upcoming' ? (
                <Badge variant="outline" color="gray.7">
                  {t('assignments.week.notYet', { count: count(['open']) })}
                </Badge>
              ) : null}
              {week.phase !== 'upcoming' ? (
                <Badge variant="outline" color="red.9">
                  {t('assignments.week.missing', { count: count(['missed']) })}
                </Badge>
              ) : null}
              <Badge variant="outline" color="red.9">
                {t('assignments.week.atRisk', { count: week.rows.filter((r) => r.atRisk).length })}
              </Badge>
            </Group>
            <Table striped aria-label={t('assignments.week.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('assignments.col.member')}</Table.Th>
                  <Table.Th>{t('assignments.col.submission')}</Table.Th>
                  <Table.Th>{t('assignments.col.checkedInAt')}</Table.Th>
                  <Table.Th>{t('assignments.col.owed')}</Table.Th>
                  <Table.Th>{t('assignments.col.given')}</Table.Th>
                  <Table.Th>{t('assignments.col.points')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {week.rows.map((r) => (
                  <Table.Tr key={r.member} data-testid="week-row">
                    <Table.Td>
                      <Group gap={6}>
                        <Text size="sm">{r.name}</Text>
                        {r.atRisk ? (
                          <Badge variant="outline" color="red.9" size="sm">
                            {t('assignments.week.risk')}
                          </Badge>
                        ) : null}
                      </Group>
                      {r.reflection ? (
                        <Spoiler
                          maxHeight={44}
                          showLabel={t('assignments.week.more')}
                          hideLabel={t('assignments.week.less')}
                          data-testid="week-reflection"
                        >
                          <Text size="xs" c="dimmed" style={{ whiteSpace: 'pre-wrap' }}>
                            {t('assignments.week.reflection', { text: r.reflection })}
                          </Text>
                        </Spoiler>
                      ) : null}
                    </Table.Td>
                    <Table.Td>
                      {r.unwitnessed ? (
                        <UnwitnessedBadge
                          groupId={groupId}
                          row={r}
                          unwitnessed={r.unwitnessed}
                          graceHours={week.offlineGraceHours}
                        />
                      ) : (
                        <OutcomeBadge outcome={r.outcome} />
                      )}
                    </Table.Td>
                    <Table.Td>{r.checkedInAt ? formatInstant(r.checkedInAt, i18n.language) : '—'}</Table.Td>
                    <Table.Td>{`${r.critiquesOwedGiven}/${r.critiquesOwed}`}</Table.Td>
                    <Table.Td>{r.critiquesGiven}</Table.Td>
                    <Table.Td>{r.points}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </>
        ) : null}
        <Title order={3} size="h5">
          {t('assignments.queue.title')}
        </Title>
        {overview.reviewQueue.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('assignments.queue.empty')}
          </Text>
        ) : (
          overview.reviewQueue.map((q) => (
            <Text size="sm" key={`${q.key}/${q.member}`} data-testid="review-item">
              {t('assignments.queue.item', {
                name: q.name,
                title: q.recordingTitle || q.title,
                received: q.received,
                needed: q.needed,
              })}
            </Text>
          ))
        )}
      </Stack>
    </Paper>
  );
}
