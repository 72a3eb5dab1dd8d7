// The speech trash: each deleted speech with its length, when it was deleted and the days it has left;
// restore it, delete it forever, or empty the trash (each asked first). Laid out like the journal's.
import { Button, Group, Modal, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { TrashedSpeech } from '../../shared/api/speechesContract';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { formatClock } from '../shell/formatDuration';
import { daysLeft } from './daysLeft';
import {
  deleteForever,
  emptyTrash,
  openTrash,
  restoreFromTrash,
  useSpeechTrashStore,
} from './speechTrashStore';

/** What is being asked: one speech deleted forever, or the trash emptied of the speeches it held then. */
type Question = { kind: 'one'; trashed: TrashedSpeech } | { kind: 'all'; speechIds: string[] };

export function SpeechTrashDialog() {
  const { t } = useTranslation();
  const { trash, opened } = useSpeechTrashStore();
  // The question stays set while its dialog fades out, so its words do not change as it goes.
  const [question, setQuestion] = useState<Question>();
  const [asking, setAsking] = useState(false);
  const ask = (next: Question) => {
    setQuestion(next);
    setAsking(true);
  };
  const now = new Date();

  return (
    <>
      <Modal
        opened={opened}
        onClose={() => openTrash(false)}
        title={t('library.trash.title')}
        size="lg"
        // Centred, below the notices in the top corner (the undo of a deletion is one of them).
        centered
        closeOnEscape={!asking}
        trapFocus={!asking}
        closeButtonProps={{ 'aria-label': t('library.trash.close') }}
      >
        {trash.length === 0 ? (
          <Stack align="center" gap="xs" py="lg">
            <ThemeIcon size={48} radius="xl" variant="light" color="gray" aria-hidden>
              <IconTrash size={28} />
            </ThemeIcon>
            <Text fw={600}>{t('library.trash.emptyTitle')}</Text>
            <Text size="sm" c="dimmed" ta="center" maw={440}>
              {t('library.trash.emptyBody')}
            </Text>
          </Stack>
        ) : (
          <Stack gap="sm">
            <Text size="sm" c="dimmed">
              {t('library.trash.hint')}
            </Text>
            <Stack gap="sm" role="list" aria-label={t('library.trash.list')}>
              {trash.map((trashed) => (
                <TrashRow
                  key={trashed.speech.id}
                  trashed={trashed}
                  now={now}
                  onDeleteForever={() => ask({ kind: 'one', trashed })}
                />
              ))}
            </Stack>
            <Group justify="flex-end" mt="xs">
              <Button
                color="red"
                variant="light"
                leftSection={<IconTrash size={16} />}
                onClick={() => ask({ kind: 'all', speechIds: trash.map((each) => each.speech.id) })}
              >
                {t('library.trash.empty')}
              </Button>
            </Group>
          </Stack>
        )}
      </Modal>
      <ConfirmDialog
        opened={asking}
        title={question?.kind === 'all' ? t('library.trash.empty') : t('library.trash.deleteForever')}
        body={
          question?.kind === 'all'
            ? t('library.trash.emptyConfirm', { count: question.speechIds.length })
            : t('library.trash.deleteForeverConfirm', { title: question?.trashed.speech.title ?? '' })
        }
        confirmLabel={question?.kind === 'all' ? t('library.trash.empty') : t('library.trash.deleteForever')}
        onConfirm={() => {
          if (question?.kind === 'all') void emptyTrash(question.speechIds);
          else if (question) void deleteForever(question.trashed.speech.id);
        }}
        onClose={() => setAsking(false)}
      />
    </>
  );
}

function TrashRow({
  trashed,
  now,
  onDeleteForever,
}: {
  trashed: TrashedSpeech;
  now: Date;
  onDeleteForever(): void;
}) {
  const { t, i18n } = useTranslation();
  const { speech } = trashed;
  const deleted = new Date(trashed.deletedAt).toLocaleString(i18n.language, {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
  return (
    <Group justify="space-between" wrap="nowrap" role="listitem" data-testid="trash-row">
      <div style={{ minWidth: 0 }}>
        <Text fw={600} truncate title={speech.title}>
          {speech.title}
        </Text>
        <Text size="xs" c="dimmed">
          {formatClock(speech.durationMs)} · {t('library.trash.deletedOn', { date: deleted })} ·{' '}
          {t('library.trash.daysLeft', { count: daysLeft(trashed.purgeAt, now) })}
        </Text>
      </div>
      <Group gap="xs" wrap="nowrap">
        <Button
          size="xs"
          variant="light"
          aria-label={t('library.trash.restoreNamed', { title: speech.title })}
          onClick={() => void restoreFromTrash(trashed)}
        >
          {t('library.trash.restore')}
        </Button>
        <Button
          size="xs"
          variant="subtle"
          color="red"
          aria-label={t('library.trash.deleteForeverNamed', { title: speech.title })}
          onClick={onDeleteForever}
        >
          {t('library.trash.deleteForever')}
        </Button>
      </Group>
    </Group>
  );
}
