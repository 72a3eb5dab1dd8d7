// A coach's actions on one occurrence: edit its words and target, postpone it, cancel it, or end
// the whole series.
import { ActionIcon, Button, Group, Menu, Modal, Stack, TextInput } from '@mantine/core';
import { IconDots } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceView } from '../../shared/api/rulesOverview';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { writeRules } from './assignmentsStore';
import { EditAssignmentDialog } from './EditAssignmentDialog';

type Open = 'edit' | 'postpone' | 'cancelOne' | 'end' | undefined;

interface Props {
  groupId: string;
  occurrence: OccurrenceView;
  weekly: boolean;
}

export function CoachMenu({ groupId, occurrence: o, weekly }: Props) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<Open>();
  const [submitBy, setSubmitBy] = useState(o.submitBy);
  const [critiqueBy, setCritiqueBy] = useState(o.critiqueBy);
  const close = () => setOpen(undefined);
  const assignment = o.assignment;
  return (
    <>
      <Menu position="bottom-end">
        <Menu.Target>
          <ActionIcon
            variant="subtle"
            color="gray.8"
            aria-label={t('assignments.coachActions', { title: o.title })}
          >
            <IconDots size={16} />
          </ActionIcon>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => setOpen('edit')}>{t('assignments.edit.action')}</Menu.Item>
          <Menu.Item onClick={() => setOpen('postpone')}>{t('assignments.postpone')}</Menu.Item>
          <Menu.Item onClick={() => setOpen('cancelOne')}>{t('assignments.cancelOne')}</Menu.Item>
          <Menu.Item color="red.9" onClick={() => setOpen('end')}>
            {t('assignments.endSeries')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
      {open === 'edit' ? (
        <EditAssignmentDialog groupId={groupId} occurrence={o} weekly={weekly} onClose={close} />
      ) : null}
      <Modal
        closeButtonProps={{ 'aria-label': t('assignments.close') }}
        opened={open === 'postpone'}
        onClose={close}
        title={t('assignments.postpone')}
        centered
      >
        <Stack>
          <TextInput
            type="datetime-local"
            label={t('assignments.newSubmitBy')}
            value={submitBy}
            onChange={(e) => setSubmitBy(e.currentTarget.value)}
          />
          <TextInput
            type="datetime-local"
            label={t('assignments.newCritiqueBy')}
            value={critiqueBy}
            onChange={(e) => setCritiqueBy(e.currentTarget.value)}
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('common.cancel')}
            </Button>
            <Button
              disabled={!(critiqueBy > submitBy)}
              onClick={() =>
                void writeRules(
                  'rules.postpone',
                  { groupId, body: { assignment, occurrence: o.occurrence, submitBy, critiqueBy } },
                  'assignments.postponed',
                ).then((ok) => ok && close())
              }
            >
              {t('assignments.postpone')}
            </Button>
          </Group>
        </Stack>
      </Modal>
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
