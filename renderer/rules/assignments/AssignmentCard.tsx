// One occurrence of an assignment as a member sees it: prompt, target, both deadlines with a
// countdown (in their time and the group's), their check-in, and what they can do next.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconMicrophone, IconSquareCheck } from '@tabler/icons-react';
import MDEditor from '@uiw/react-md-editor/nohighlight';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import rehypeSanitize from 'rehype-sanitize';
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import { prepareRecording } from '../../record/recordStore';
import { navigate } from '../../state/uiStore';
import { useAssignmentsStore } from './assignmentsStore';
import { CheckInDialog } from './CheckInDialog';
import { CoachMenu } from '../ruleSet/CoachMenu';
import { formatCountdown, formatDeadline } from './formatDeadline';
import { myStanding } from '../standings/MyStanding';
import { badgeColors } from '../standings/outcomeBadge';
import { useNow } from './useNow';

interface Props {
  groupId: string;
  occurrence: OccurrenceView;
  timeZone: string;
  isCoach: boolean;
  canCheckIn: boolean;
  /** Part of a weekly series (edits may then apply to this week only). */
  weekly?: boolean;
}

const minutes = (seconds: number) => Math.round((seconds / 60) * 10) / 10;

export function AssignmentCard({
  groupId,
  occurrence: o,
  timeZone,
  isCoach,
  canCheckIn,
  weekly = false,
}: Props) {
  const { t, i18n } = useTranslation();
  const now = useNow();
  const [checkingIn, setCheckingIn] = useState(false);
  // An out member's check-in does not count (unless a revival comes before the deadline).
  const out = useAssignmentsStore((s) => (s.overview ? myStanding(s.overview)?.status === 'out' : false));
  const locked = o.phase === 'late' && o.mine?.submission === 'on-time';
  const open = canCheckIn && o.phase !== 'closed' && !locked;
  const due = o.phase === 'upcoming' ? o.submitDeadline : o.critiqueDeadline;
  const recordFor = () => {
    prepareRecording(o.target, o.title, { groupId, occurrence: o.key });
    navigate('record');
  };

  return (
    <Paper withBorder p="md" radius="md" data-testid="assignment-card">
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start">
          <div>
            <Title order={3} size="h4">
              {o.title}
            </Title>
            <Text size="sm" c="dimmed">
              {t('assignments.targetRange', {
                min: minutes(o.target.minSeconds),
                max: minutes(o.target.maxSeconds),
              })}
            </Text>
          </div>
          <Group gap="xs">
            {o.mine ? (
              <Badge
                variant="outline"
                color={badgeColors[out ? 'out' : o.mine.submission === 'late' ? 'late' : 'on-time']}
              >
                {t(
                  out
                    ? 'assignments.mineNotScoredBadge'
                    : o.mine.submission === 'late'
                      ? 'assignments.mineLate'
                      : 'assignments.mineOnTime',
                )}
              </Badge>
            ) : (
              <Badge variant="outline" color={o.phase === 'upcoming' ? 'blue.9' : 'red.9'}>
                {t(`assignments.phase.${o.phase}`)}
              </Badge>
            )}
            {isCoach ? <CoachMenu groupId={groupId} occurrence={o} weekly={weekly} /> : null}
          </Group>
        </Group>
        {o.prompt.trim() ? (
          <div data-color-mode="light">
            <MDEditor.Markdown
              source={o.prompt}
              rehypePlugins={[[rehypeSanitize]]}
              style={{ background: 'transparent', fontSize: 14 }}
            />
          </div>
        ) : null}
        <Text size="sm">
          {t('assignments.submitBy', { when: formatDeadline(o.submitDeadline, i18n.language, timeZone, t) })}
        </Text>
        <Text size="sm">
          {t('assignments.critiqueBy', {
            when: formatDeadline(o.critiqueDeadline, i18n.language, timeZone, t),
          })}
        </Text>
        {o.phase !== 'closed' ? (
          <Text size="sm" fw={600} data-testid="countdown">
            {t(o.phase === 'upcoming' ? 'assignments.leftToSubmit' : 'assignments.leftLate', {
              left: formatCountdown(Date.parse(due) - now, t),
            })}
          </Text>
        ) : null}
        {o.mine ? (
          <Text size="sm" data-testid="my-check-in">
            {t('assignments.yourCheckIn', { title: o.mine.recordingTitle })}
          </Text>
        ) : null}
        {open ? (
          <Group gap="xs">
            <Button size="xs" leftSection={<IconSquareCheck size={14} />} onClick={() => setCheckingIn(true)}>
              {t(
                o.mine
                  ? 'assignments.replace'
                  : o.phase === 'late'
                    ? 'assignments.checkInLate'
                    : 'assignments.checkIn',
              )}
            </Button>
            <Button
              size="xs"
              variant="default"
              leftSection={<IconMicrophone size={14} />}
              onClick={recordFor}
            >
              {t('assignments.recordFor')}
            </Button>
          </Group>
        ) : null}
      </Stack>
      {checkingIn ? (
        <CheckInDialog groupId={groupId} occurrence={o} onClose={() => setCheckingIn(false)} />
      ) : null}
    </Paper>
  );
}
