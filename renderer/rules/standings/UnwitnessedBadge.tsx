// "On time, unwitnessed" in the coach's week: a check-in on time by its writer's clock that no other
// member's computer saw until long after the deadline. The coach may count it late (checkin.ruled)
// and undo that; both ask first, in the frame of the other rules dialogs.
import { Badge, Button, Group, Text, Tooltip } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UnwitnessedView, WeekRow } from '../../../shared/api/rulesOverview';
import { writeRules } from '../assignments/assignmentsStore';
import { formatInstant } from '../assignments/formatDeadline';
import { OutcomeBadge } from './outcomeBadge';
import { RulesDialog } from '../ruleSet/RulesDialog';

interface Props {
  groupId: string;
  row: WeekRow;
  unwitnessed: UnwitnessedView;
  /** The week's offline grace, in hours. */
  graceHours: number;
}

/** The row's submission cell when its check-in is flagged: the badge, its explanation, and the action. */
export function UnwitnessedBadge({ groupId, row, unwitnessed: u, graceHours }: Props) {
  const { t, i18n } = useTranslation();
  const [asking, setAsking] = useState(false);
  const explanation = t(
    u.witnessedAt ? 'assignments.unwitnessed.seenLate' : 'assignments.unwitnessed.notSeen',
    {
      at: formatInstant(u.checkedInAt, i18n.language),
      when: u.witnessedAt ? formatInstant(u.witnessedAt, i18n.language) : '',
      hours: graceHours,
    },
  );
  // The badge says what the outcome badge would; when another check-in counts, both show.
  const replacesOutcome = row.outcome === (u.ruledLate ? 'late' : 'on-time');
  return (
    <Group gap={6} wrap="nowrap" data-testid="unwitnessed">
      {replacesOutcome ? null : <OutcomeBadge outcome={row.outcome} />}
      <Tooltip
        label={u.ruledLate ? `${t('assignments.unwitnessed.ruledHint')} ${explanation}` : explanation}
        multiline
        w={300}
        withArrow
        events={{ hover: true, focus: true, touch: true }}
      >
        <Badge variant="outline" color={u.ruledLate ? '#a63c00' : 'grape.9'} tabIndex={0}>
          {t(u.ruledLate ? 'assignments.unwitnessed.countedLate' : 'assignments.unwitnessed.badge')}
        </Badge>
      </Tooltip>
      <Button
        size="compact-xs"
        variant="default"
        aria-label={t(
          u.ruledLate ? 'assignments.unwitnessed.undoFor' : 'assignments.unwitnessed.countLateFor',
          {
            name: row.name,
          },
        )}
        onClick={() => setAsking(true)}
      >
        {t(u.ruledLate ? 'assignments.unwitnessed.undo' : 'assignments.unwitnessed.countLate')}
      </Button>
      {asking ? (
        <RulesDialog
          onClose={() => setAsking(false)}
          title={t(
            u.ruledLate ? 'assignments.unwitnessed.undoTitle' : 'assignments.unwitnessed.countLateTitle',
            {
              name: row.name,
            },
          )}
          action={t(u.ruledLate ? 'assignments.unwitnessed.undoAction' : 'assignments.unwitnessed.countLate')}
          run={() =>
            writeRules(
              'rules.ruleCheckIn',
              { groupId, body: { checkIn: u.checkIn, late: !u.ruledLate } },
              u.ruledLate ? 'assignments.unwitnessed.undone' : 'assignments.unwitnessed.ruled',
            )
          }
        >
          <Text size="sm">{explanation}</Text>
          <Text size="sm">
            {t(u.ruledLate ? 'assignments.unwitnessed.undoBody' : 'assignments.unwitnessed.countLateBody')}
          </Text>
        </RulesDialog>
      ) : null}
    </Group>
  );
}
