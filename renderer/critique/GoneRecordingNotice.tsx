// Shown in place of the player when the speech open in it stops being shared (its author withdrew
// it, or a coach hid it): the player closes calmly instead of failing at every click, and the member's
// own comments on it, which will never show in its threads, are handed back with their words.
import { Alert, Blockquote, Button, Group, Stack, Text } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { UndeliveredComment } from '../../shared/api/critiqueContract';
import { api } from '../api/api';
import { formatClock } from '../shell/formatDuration';
import { reportError } from '../shell/reportError';

export function GoneRecordingNotice({
  groupId,
  recordingId,
  title,
  onClose,
}: {
  groupId: string;
  recordingId: string;
  title: string;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [undelivered, setUndelivered] = useState<UndeliveredComment[]>([]);
  useEffect(() => {
    let live = true;
    api
      .call('critique.undelivered', { groupId, recordingId })
      .then((comments) => live && setUndelivered(comments), reportError);
    return () => {
      live = false;
    };
  }, [groupId, recordingId]);

  return (
    <Alert
      variant="light"
      color="gray"
      icon={<IconInfoCircle />}
      title={t('critique.gone.title', { title })}
      data-testid="recording-gone"
    >
      <Stack gap="xs">
        <Text size="sm">{t('critique.gone.body')}</Text>
        {undelivered.length > 0 ? (
          <>
            <Text size="sm" fw={600}>
              {t('critique.gone.undelivered', { count: undelivered.length })}
            </Text>
            {undelivered.map((comment) => (
              <Blockquote
                key={comment.id}
                p="xs"
                cite={
                  comment.atMs === undefined
                    ? undefined
                    : t('critique.gone.at', { time: formatClock(comment.atMs) })
                }
                data-testid="undelivered-comment"
              >
                <Text size="sm" style={{ whiteSpace: 'pre-wrap', userSelect: 'text' }}>
                  {comment.text}
                </Text>
              </Blockquote>
            ))}
          </>
        ) : null}
        <Group justify="flex-end">
          <Button size="xs" variant="default" onClick={onClose}>
            {t('critique.gone.close')}
          </Button>
        </Group>
      </Stack>
    </Alert>
  );
}
