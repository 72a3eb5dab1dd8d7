// The Assignments tab's past list: every assignment with no occurrence open any more (over, cancelled,
// or set after its own deadline), newest first, with how it ended and the coach's remaining actions.
import { Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { CoachMenu } from '../ruleSet/CoachMenu';
import { pastActions, type PastAssignment } from './assignmentsOnScreen';
import { formatDeadline } from './formatDeadline';

const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

interface Props {
  groupId: string;
  past: PastAssignment[];
  timeZone: string;
  isCoach: boolean;
}

export function PastAssignments({ groupId, past, timeZone, isCoach }: Props) {
  const { t } = useTranslation();
  if (past.length === 0) return null;
  return (
    <Stack gap="xs" data-testid="past-assignments">
      <Title order={2} size="h4">
        {t('assignments.past.title')}
      </Title>
      {past.map((p) => (
        <PastRow key={p.assignment.id} groupId={groupId} item={p} timeZone={timeZone} isCoach={isCoach} />
      ))}
    </Stack>
  );
}

function PastRow({
  groupId,
  item,
  timeZone,
  isCoach,
}: {
  groupId: string;
  item: PastAssignment;
  timeZone: string;
  isCoach: boolean;
}) {
  const { t, i18n } = useTranslation();
  const { assignment: a, occurrence: o, status } = item;
  const actions = pastActions(item);
  const target = o?.target ?? a.target;
  return (
    <Paper withBorder px="md" py="xs" radius="md" data-testid="past-assignment">
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Stack gap={2} style={{ minWidth: 0 }}>
          <Group gap="xs">
            <Text fw={600} style={{ overflowWrap: 'anywhere' }}>
              {o?.title ?? a.title}
            </Text>
            <Badge variant="outline" color={status === 'cancelled' ? 'gray.8' : 'red.9'}>
              {t(status === 'cancelled' ? 'assignments.past.cancelled' : 'assignments.phase.closed')}
            </Badge>
            {o?.mine ? (
              <Badge variant="outline" color={o.mine.submission === 'late' ? '#a63c00' : 'teal.9'}>
                {t(o.mine.submission === 'late' ? 'assignments.mineLate' : 'assignments.mineOnTime')}
              </Badge>
            ) : null}
          </Group>
          <Text size="sm" c="dimmed">
            {t('assignments.targetRange', {
              min: minutes(target.minSeconds),
              max: minutes(target.maxSeconds),
            })}
            {o
              ? ` · ${t('assignments.submitBy', { when: formatDeadline(o.submitDeadline, i18n.language, timeZone, t) })}`
              : null}
          </Text>
          {status === 'neverOpen' ? (
            <Text size="sm">
              {t(isCoach ? 'assignments.past.neverOpenCoach' : 'assignments.past.neverOpen')}
            </Text>
          ) : null}
        </Stack>
        {isCoach && o && actions.length > 0 ? (
          <CoachMenu
            groupId={groupId}
            occurrence={o}
            weekly={a.schedule.repeat === 'weekly'}
            actions={actions}
          />
        ) : null}
      </Group>
    </Paper>
  );
}
