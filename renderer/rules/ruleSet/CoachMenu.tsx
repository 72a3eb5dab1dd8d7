// A coach's actions on one occurrence: edit its words and target, postpone it, cancel it, or end
// the whole series (a past assignment offers only those that still mean something).
import { Menu } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsMenu } from '../../shell/ActionsMenu';
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import { ConfirmDialog } from '../../shell/ConfirmDialog';
import { writeRules } from '../assignments/assignmentsStore';
import { EditAssignmentDialog } from '../assignments/EditAssignmentDialog';
import { PostponeDialog } from './PostponeDialog';

export type CoachAction = 'edit' | 'postpone' | 'cancelOne' | 'end';
type Open = CoachAction | undefined;

const allActions: readonly CoachAction[] = ['edit', 'postpone', 'cancelOne', 'end'];

interface Props {
  groupId: string;
  occurrence: OccurrenceView;
  weekly: boolean;
  /** The actions offered; all of them when left out. */
  actions?: readonly CoachAction[];
}

export function CoachMenu({ groupId, occurrence: o, weekly, actions = allActions }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const close = () => setOpen(undefined);
  const assignment = o.assignment;
  return (
    <>
      <ActionsMenu label={t('assignments.coachActions', { title: o.title })}>
        {actions.includes('edit') ? (
          <Menu.Item onClick={() => setOpen('edit')}>{t('assignments.edit.action')}</Menu.Item>
        ) : null}
        {actions.includes('postpone') ? (
          <Menu.Item onClick={() => setOpen('postpone')}>{t('assignments.postpone')}</Menu.Item>
        ) : null}
        {actions.includes('cancelOne') ? (
          <Menu.Item onClick={() => setOpen('cancelOne')}>{t('assignments.cancelOne')}</Menu.Item>
        ) : null}
        {actions.includes('end') ? (
          <Menu.Item color="red.9" onClick={() => setOpen('end')}>
            {t('assignments.endSeries')}
          </Menu.Item>
        ) : null}
      </ActionsMenu>
      {open === 'edit' ? (
        <EditAssignmentDialog groupId={groupId} occurrence={o} weekly={weekly} onClose={close} />
      ) : null}
      {open === 'postpone' ? <PostponeDialog groupId={groupId} occurrence={o} onClose={close} /> : null}
      <ConfirmDialog
        opened={open === 'cancelOne' || open === 'end'}
        title={t(open === 'end' ? 'assignments.endSeries' : 'assignments.cancelOne')}
        body={t(open === 'end' ? 'assignments.endSeriesBody' : 'assignments.cancelOneBody', {
          title: o.title,
        })}
        confirmLabel={t(open === 'end' ? 'assignments.endSeries' : 'assignments.cancelOne')}
        onClose={close}
        onConfirm={() =>
          void writeRules(
            'rules.cancel',
            { groupId, body: open === 'end' ? { assignment } : { assignment, occurrence: o.occurrence } },
            'assignments.cancelled',
          )
        }
      />
    </>
  );
}
