// The metrics of one of the member's own speeches, under its player: those stored with it, or computed
// now (with progress) when it has none yet; the speech's language, which sets the rate's unit; the
// long pauses and quiet stretches marked on the waveform.
import { Alert, Button, Group, Progress, SegmentedControl, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type WaveSurfer from 'wavesurfer.js';
import { speechLanguages, type Speech, type SpeechLanguage } from '../../shared/domain/speech';
import { api } from '../api/api';
import { reloadSpeeches } from '../library/speechesStore';
import { reportError } from '../shell/reportError';
import { ensureSpeechMetrics, retrySpeechMetrics, useMetricsStore } from './metricsStore';
import { languageOf } from './speechLanguage';
import { SpeechMetricsPanel } from './SpeechMetricsPanel';
import { useMetricMarks } from './useMetricMarks';

export function OwnSpeechMetrics({
  speech,
  ws,
  onSeek,
}: {
  speech: Speech;
  ws: WaveSurfer | null;
  onSeek(ms: number): void;
}) {
  const { t } = useTranslation();
  const metrics = useMetricsStore((s) => s.bySpeech[speech.id]);
  const progress = useMetricsStore((s) => s.progress[speech.id]);
  const failed = useMetricsStore((s) => s.failed[speech.id]);
  const language = languageOf(speech);
  useMetricMarks(ws, metrics, onSeek);

  useEffect(() => {
    void ensureSpeechMetrics(speech);
    // One look per speech opened; a new duration is a new speech to the player anyway.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [speech.id]);

  const chooseLanguage = (value: string) =>
    void api
      .call('speeches.update', { speechId: speech.id, language: value as SpeechLanguage })
      .then(reloadSpeeches, reportError);

  return (
    <Stack gap="xs" mt="xs">
      <Group justify="space-between" gap="xs">
        <Title order={3} size="h5">
          {t('speechMetrics.panel.title')}
        </Title>
        <Group gap="xs">
          <Text size="sm" id={`speech-language-${speech.id}`}>
            {t('speechMetrics.panel.language')}
          </Text>
          <SegmentedControl
            size="xs"
            aria-labelledby={`speech-language-${speech.id}`}
            value={language}
            onChange={chooseLanguage}
            data={speechLanguages.map((value) => ({
              value,
              label: t(`speechMetrics.panel.languages.${value}`),
            }))}
          />
        </Group>
      </Group>
      {metrics ? (
        <SpeechMetricsPanel metrics={metrics} language={language} target={speech.target} onSeek={onSeek} />
      ) : failed ? (
        <Alert color="red" variant="light">
          <Group justify="space-between">
            <Text size="sm">{t('speechMetrics.panel.failed')}</Text>
            <Button size="xs" variant="default" onClick={() => retrySpeechMetrics(speech)}>
              {t('speechMetrics.panel.retry')}
            </Button>
          </Group>
        </Alert>
      ) : (
        <Stack gap={4} data-testid="metrics-computing">
          <Text size="sm" role="status">
            {t('speechMetrics.panel.computing', { percent: Math.round((progress ?? 0) * 100) })}
          </Text>
          <Progress
            value={(progress ?? 0) * 100}
            size="sm"
            aria-label={t('speechMetrics.panel.computing', { percent: Math.round((progress ?? 0) * 100) })}
          />
        </Stack>
      )}
    </Stack>
  );
}
