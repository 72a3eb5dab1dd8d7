// The trash: deleted entries with the day each leaves for good; restore or delete now.
import { Button, Group, Modal, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { deleteForever, purgeDay, restoreEntry } from './journalActions';
import { openDialog, selectEntry, useJournalStore } from './journalStore';

export function TrashDialog({ trash }: { trash: JournalEntry[] }) {
  const { t } = useTranslation();
  const opened = useJournalStore((state) => state.dialog === 'trash');
  return (
    <Modal
      opened={opened}
      onClose={() => openDialog(null)}
      title={t('journal.trashTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('journal.close') }}
    >
      <Stack gap="sm">
        <Text size="sm" c="dimmed">
          {t('journal.trashHint')}
        </Text>
        {trash.length === 0 ? <Text>{t('journal.trashEmpty')}</Text> : null}
        {trash.map((entry) => (
          <Group key={entry.id} justify="space-between" wrap="nowrap">
            <div style={{ minWidth: 0 }}>
              <Text fw={600} truncate title={entry.title || t('journal.untitled')}>
                {entry.title || t('journal.untitled')}
              </Text>
              <Text size="xs" c="dimmed">
                {entry.date} · {t('journal.purgesOn', { date: purgeDay(entry.deletedAt!) })}
              </Text>
            </div>
            <Group gap="xs" wrap="nowrap">
              <Button
                size="xs"
                variant="light"
                onClick={() => void restoreEntry(entry.id).then(() => selectEntry(entry.id))}
              >
                {t('journal.restore')}
              </Button>
              <Button size="xs" variant="subtle" color="red" onClick={() => void deleteForever(entry.id)}>
                {t('journal.deleteForever')}
              </Button>
            </Group>
          </Group>
        ))}
      </Stack>
    </Modal>
  );
}
