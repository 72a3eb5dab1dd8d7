// The metrics a member shared with their speech, beside the group's player, so the coach and peers
// see them while they listen: the same panel and waveform marks as on the member's own speech page.
import { Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type WaveSurfer from 'wavesurfer.js';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import type { SpeechLanguage } from '../../shared/domain/speech';
import { api } from '../api/api';
import { SpeechMetricsPanel } from './SpeechMetricsPanel';
import { useMetricMarks } from './useMetricMarks';

type Shared = { language: SpeechLanguage; metrics: SpeechMetrics } | null;

export function GroupSpeechMetrics({
  groupId,
  recording,
  ws,
  onSeek,
}: {
  groupId: string;
  recording: string;
  ws: WaveSurfer | null;
  onSeek(ms: number): void;
}) {
  const { t } = useTranslation();
  const [shared, setShared] = useState<Shared | undefined>();
  useMetricMarks(ws, shared?.metrics, onSeek);

  useEffect(() => {
    let current = true;
    api
      .call('group.recordingMetrics', { groupId, recording })
      .then((result) => current && setShared(result))
      .catch(() => current && setShared(null));
    return () => {
      current = false;
    };
  }, [groupId, recording]);

  if (shared === undefined) return null;
  return (
    <Stack gap="xs" data-testid="group-speech-metrics">
      <Title order={3} size="h5">
        {t('speechMetrics.panel.title')}
      </Title>
      {shared ? (
        <SpeechMetricsPanel metrics={shared.metrics} language={shared.language} onSeek={onSeek} />
      ) : (
        <Text size="sm" c="dimmed">
          {t('speechMetrics.panel.notShared')}
        </Text>
      )}
    </Stack>
  );
}
