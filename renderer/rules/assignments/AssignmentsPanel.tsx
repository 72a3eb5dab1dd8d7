// The group's Assignments tab: the coach sets assignments and reviews the week; every member sees
// this week's card(s), checks in, sees the critiques they owe, and finds every past assignment below.
import { Button, Group, Loader, Stack, Text } from '@mantine/core';
import { IconPlus } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { AssignmentCard } from './AssignmentCard';
import { AssignmentForm } from './AssignmentForm';
import { assignmentsOnScreen } from './assignmentsOnScreen';
import { useOverview } from './assignmentsStore';
import { DutyAlert } from '../standings/DutyAlert';
import { PastAssignments } from './PastAssignments';
import { WeekReview } from '../standings/WeekReview';

export function AssignmentsPanel({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const overview = useOverview(groupId);
  const [creating, setCreating] = useState(false);
  if (!overview) return <Loader aria-label={t('common.loading')} />;
  const { cards, past } = assignmentsOnScreen(overview.assignments);
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
        <Text c="dimmed">
          {t(
            past.length > 0
              ? 'assignments.noneOpen'
              : overview.isCoach
                ? 'assignments.emptyCoach'
                : 'assignments.empty',
          )}
        </Text>
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
      <PastAssignments
        groupId={groupId}
        past={past}
        timeZone={overview.timeZone}
        isCoach={overview.isCoach}
      />
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
