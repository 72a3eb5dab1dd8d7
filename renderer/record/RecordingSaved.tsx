// Shown after a recording is saved: what was kept, and where to go next.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCircleCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Speech } from '../../shared/domain/speech';
import { formatClock } from '../shell/formatDuration';

export function RecordingSaved({ speech, onOpen }: { speech: Speech; onOpen: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert color="teal" icon={<IconCircleCheck />} title={t('record.saved')}>
      <Group justify="space-between">
        <Text size="sm">
          {speech.title} · {formatClock(speech.durationMs)}
        </Text>
        <Button size="xs" variant="light" onClick={onOpen}>
          {t('record.openInLibrary')}
        </Button>
      </Group>
    </Alert>
  );
}
