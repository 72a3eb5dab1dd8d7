// The group's Assignments tab: the coach sets assignments and reviews the week; every member sees
// this week's card(s), checks in, and sees the critiques they owe.
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentView } from '../../shared/api/rulesOverview';
import { AssignmentCard } from './AssignmentCard';
import { AssignmentForm } from './AssignmentForm';
import { useOverview } from './assignmentsStore';
import { DutyAlert } from './DutyAlert';
import { WeekReview } from './WeekReview';

/** The occurrence an assignment is "at": the first still open, else the latest. */
function activeOccurrence(a: AssignmentView) {
  return a.occurrences.find((o) => o.phase !== 'closed') ?? a.occurrences.at(-1);
}

export function AssignmentsPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const overview = useOverview(groupId);
  const [creating, setCreating] = useState(false);
  if (!overview) return <Loader aria-label={t('common.loading')} />;
  const cards = overview.assignments
    .filter((a) => !a.ended || a.occurrences.some((o) => o.phase !== 'closed'))
    .flatMap((a) => {
      const o = activeOccurrence(a);
      return o ? [o] : [];
    })
    .sort((x, y) => (x.submitDeadline < y.submitDeadline ? -1 : 1));
  const weekly = new Set(overview.assignments.filter((a) => a.schedule.repeat === 'weekly').map((a) => a.id));

  return (
    <Stack>
      {overview.isCoach ? (
        <Group justify="flex-end">
          <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
            {t('assignments.new')}
          </Button>
        </Group>
      ) : null}
      <DutyAlert duties={overview.duties} timeZone={overview.timeZone} />
      {cards.length === 0 ? (
        <Text c="dimmed">{t(overview.isCoach ? 'assignments.emptyCoach' : 'assignments.empty')}</Text>
      ) : null}
      {cards.map((o) => (
        <AssignmentCard
          key={o.key}
          groupId={groupId}
          occurrence={o}
          timeZone={overview.timeZone}
          isCoach={overview.isCoach}
          canCheckIn
          weekly={weekly.has(o.assignment)}
        />
      ))}
      {overview.isCoach ? <WeekReview groupId={groupId} overview={overview} /> : null}
      {creating ? (
        <AssignmentForm
          groupId={groupId}
          today={new Intl.DateTimeFormat('en-CA', { timeZone: overview.timeZone }).format(overview.asOf)}
          onClose={() => setCreating(false)}
        />
      ) : null}
    </Stack>
  );
}
