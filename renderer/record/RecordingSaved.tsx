// Shown after a recording is saved: what was kept, and where to go next (reflect on it, or hear it).
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Speech } from '../../shared/domain/speech';
import { createEntryForSpeech } from '../journal/createEntryForSpeech';
import { formatClock } from '../shell/formatDuration';
import { reportError } from '../shell/reportError';

export function RecordingSaved({ speech, onOpen }: { speech: Speech; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" icon={<IconCircleCheck />} title={t('record.saved')}>
      <Group justify="space-between">
        <Text size="sm">
          {speech.title} · {formatClock(speech.durationMs)}
        </Text>
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconPencil size={14} />}
            onClick={() => void createEntryForSpeech(speech.id, speech.title).catch(reportError)}
          >
            {t('record.reflect')}
          </Button>
          <Button size="xs" variant="light" onClick={onOpen}>
            {t('record.openInLibrary')}
          </Button>
        </Group>
      </Group>
    </Alert>
  );
}
