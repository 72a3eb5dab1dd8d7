// The metrics beside the player: first the long pauses and quiet stretches as buttons that play from
// there (next to the waveform that marks them, with the legend), then each metric with its value, one
// plain line on what it means and its typical range (the source behind an info button).
import {
  ActionIcon,
  Badge,
  Box,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Tooltip,
} from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { metricTextKeys } from '../../shared/audio/metrics/metricInfo';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import type { SpeechTarget } from '../../shared/audio/timerLights';
import type { SpeechLanguage } from '../../shared/domain/speech';
import { formatClock } from '../shell/formatDuration';
import { metricMarkColors } from './metricMarks';
import { metricValues } from './metricValues';

/**
 * Marks listed before "Show all": an hour's speech may have a hundred and fifty long pauses, and a
 * wall of them buries the metrics below (and costs the player's opening a thousand elements); the
 * waveform marks every one anyway.
 */
const marksShownFirst = 12;

/** As the library's rows colour them: AA contrast in both schemes. */
const resultColors = {
  short: 'light-dark(#a63c06, var(--mantine-color-orange-4))',
  within: 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))',
  long: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))',
} as const;

export interface SpeechMetricsPanelProps {
  metrics: SpeechMetrics;
  language: SpeechLanguage;
  target?: SpeechTarget | undefined;
  onSeek(ms: number): void;
}

export function SpeechMetricsPanel({ metrics, language, target, onSeek }: SpeechMetricsPanelProps) {
  const { t } = useTranslation();
  const values = metricValues(metrics, language, target, t);
  return (
    <Stack gap="xs" data-testid="speech-metrics">
      <Marks
        title={t('speechMetrics.panel.longPauses')}
        color={metricMarkColors.pause}
        legend={t('speechMetrics.panel.legendPause')}
        empty={t('speechMetrics.panel.noLongPauses')}
        testId="long-pauses"
      >
        {metrics.pauses.long.map((pause) => (
          <MarkButton key={pause.start} stretch={pause} label="seekPause" onSeek={onSeek} />
        ))}
      </Marks>
      {metrics.loudness.quiet.length > 0 ? (
        <Marks
          title={t('speechMetrics.quietStretches.name')}
          color={metricMarkColors.quiet}
          legend={t('speechMetrics.panel.legendQuiet')}
          testId="quiet-stretches"
        >
          {metrics.loudness.quiet.map((stretch) => (
            <MarkButton key={stretch.start} stretch={stretch} label="seekQuiet" onSeek={onSeek} />
          ))}
        </Marks>
      ) : null}
      <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="xs" verticalSpacing="xs">
        {values.map(({ id, value, result }) => {
          const keys = metricTextKeys(id);
          const name = t(keys.name);
          return (
            <Paper key={id} withBorder radius="sm" p="xs" data-testid={`metric-${id}`}>
              <Group gap={4} justify="space-between" wrap="nowrap">
                <Text size="xs" fw={600}>
                  {name}
                </Text>
                <Tooltip
                  label={t('speechMetrics.panel.source', { source: t(keys.source) })}
                  multiline
                  w={280}
                >
                  <ActionIcon
                    size="xs"
                    variant="subtle"
                    color="gray"
                    aria-label={t('speechMetrics.panel.sourceOf', { name })}
                  >
                    <IconInfoCircle size={14} />
                  </ActionIcon>
                </Tooltip>
              </Group>
              <Group gap={6}>
                <Text fw={700} data-testid="metric-value">
                  {value}
                </Text>
                {result ? (
                  <Badge size="xs" variant="outline" color={resultColors[result]}>
                    {t(`library.result.${result}`)}
                  </Badge>
                ) : null}
              </Group>
              <Text size="xs">{t(keys.explain)}</Text>
              <Text size="xs" c="dimmed">
                {t('speechMetrics.panel.typical', { typical: t(keys.typical) })}
              </Text>
            </Paper>
          );
        })}
      </SimpleGrid>
    </Stack>
  );
}

function Marks({
  title,
  color,
  legend,
  empty,
  testId,
  children,
}: {
  title: string;
  color: string;
  legend: string;
  empty?: string;
  testId: string;
  children: ReactNode[];
}) {
  const { t } = useTranslation();
  const [all, setAll] = useState(false);
  const folds = children.length > marksShownFirst;
  return (
    <Stack gap={4} data-testid={testId}>
      <Group gap="xs">
        <Text size="sm" fw={600}>
          {title}
        </Text>
        <Group gap={4} aria-hidden>
          <Box w={14} h={10} style={{ background: color, borderRadius: 2 }} />
          <Text size="xs" c="dimmed">
            {legend}
          </Text>
        </Group>
      </Group>
      {children.length > 0 ? (
        <Group gap={6}>
          {all || !folds ? children : children.slice(0, marksShownFirst)}
          {folds ? (
            <Button size="compact-xs" variant="subtle" onClick={() => setAll(!all)} aria-expanded={all}>
              {all
                ? t('speechMetrics.panel.showFewer')
                : t('speechMetrics.panel.showAll', { count: children.length })}
            </Button>
          ) : null}
        </Group>
      ) : (
        <Text size="xs" c="dimmed">
          {empty}
        </Text>
      )}
    </Stack>
  );
}

function MarkButton({
  stretch,
  label,
  onSeek,
}: {
  stretch: { start: number; end: number };
  label: 'seekPause' | 'seekQuiet';
  onSeek(ms: number): void;
}) {
  const { t } = useTranslation();
  const time = formatClock(stretch.start * 1000);
  const length = (stretch.end - stretch.start).toFixed(1);
  return (
    <Button
      size="compact-xs"
      variant="default"
      aria-label={t(`speechMetrics.panel.${label}`, { time, length })}
      onClick={() => onSeek(Math.round(stretch.start * 1000))}
    >
      {t('speechMetrics.panel.pauseItem', { time, length })}
    </Button>
  );
}
