// The big clock with Toastmasters lights. Colour-blind safe: each light also has a word and an icon
// shape, and the colours differ in lightness, not only hue. Once a recording is saved the clock shows
// its saved length and the words say how it did, as the library will, instead of a hint for speaking.
import { Group, Paper, Stack, Text } from '@mantine/core';
import {
  IconAlertTriangleFilled,
  IconCircleFilled,
  IconSquareFilled,
  IconTriangleFilled,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { targetResult, timerLight, type SpeechTarget, type TimerLight } from '../../shared/audio/timerLights';
import { formatClock } from '../shell/formatDuration';

const look: Record<TimerLight, { bg: string; fg: string; Icon: typeof IconCircleFilled | null }> = {
  none: { bg: 'var(--mantine-color-default)', fg: 'var(--mantine-color-text)', Icon: null },
  green: { bg: '#1b5e20', fg: '#ffffff', Icon: IconCircleFilled },
  yellow: { bg: '#ffd43b', fg: '#1a1a1a', Icon: IconTriangleFilled },
  red: { bg: '#b71c1c', fg: '#ffffff', Icon: IconSquareFilled },
  overtime: { bg: '#4a0000', fg: '#ffffff', Icon: IconAlertTriangleFilled },
};

interface Props {
  elapsedMs: number;
  target: SpeechTarget | undefined;
  /** The recording is over and saved: `elapsedMs` is its saved length. */
  finished?: boolean;
}

export function TimerDisplay({ elapsedMs, target, finished = false }: Props) {
  const { t } = useTranslation();
  const light = target ? timerLight(elapsedMs / 1000, target) : 'none';
  const words = finished
    ? t(`library.result.${target ? targetResult(elapsedMs / 1000, target) : 'none'}`)
    : t(target ? `record.light.${light}` : 'record.light.noTarget');
  const { bg, fg, Icon } = look[light];
  return (
    <Paper radius="lg" p="xl" withBorder style={{ background: bg, color: fg }} data-light={light}>
      <Stack align="center" gap={4}>
        <Text
          component="div"
          fw={700}
          style={{ fontSize: 'clamp(3rem, 10vw, 6rem)', fontVariantNumeric: 'tabular-nums', lineHeight: 1 }}
          aria-label={t('record.elapsed')}
          role="timer"
        >
          {formatClock(elapsedMs)}
        </Text>
        <Group gap="xs" role="status" aria-live="polite">
          {Icon ? <Icon size={18} aria-hidden /> : null}
          <Text fw={600}>{words}</Text>
        </Group>
      </Stack>
    </Paper>
  );
}
