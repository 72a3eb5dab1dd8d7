// The Ah-Counter's controls in the player: the F button, and while a filler waits for its word, the
// quick picker (click a word or press its number; it never pauses playback). A click leaves the
// focus where it was, so F and the numbers keep working after it.
import { Button, Group, Text } from '@mantine/core';
import { IconMoodEmpty } from '@tabler/icons-react';
import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { FILLER_WORDS } from '../../shared/critique/critiqueEvents';
import { formatClock } from '../shell/formatDuration';
import type { AhCounter } from './useAhCounter';

const keepFocus = (event: MouseEvent) => event.preventDefault();

export function FillerMarkButton({ ahCounter }: { ahCounter: AhCounter }) {
  const { t } = useTranslation();
  return (
    <Button
      size="xs"
      variant="light"
      color="grape"
      leftSection={<IconMoodEmpty size={16} />}
      onClick={ahCounter.mark}
      onMouseDown={keepFocus}
      aria-keyshortcuts="F"
    >
      {t('critique.ahCounter.mark')} (F)
    </Button>
  );
}

export function FillerPicker({ ahCounter }: { ahCounter: AhCounter }) {
  const { t } = useTranslation();
  const { pending } = ahCounter;
  if (!pending) return null;
  const label = t('critique.ahCounter.pending', { time: formatClock(pending.atMs) });
  return (
    <Group gap={6} role="group" aria-label={label} data-testid="filler-picker">
      <Text size="sm" fw={500} aria-hidden>
        {label}
      </Text>
      {FILLER_WORDS.map((word, i) => (
        <Button
          key={word}
          size="compact-sm"
          variant="default"
          aria-keyshortcuts={String(i + 1)}
          onMouseDown={keepFocus}
          onClick={() => ahCounter.choose(word)}
        >
          {t('critique.ahCounter.wordKey', { word, key: i + 1 })}
        </Button>
      ))}
      <Button
        size="compact-sm"
        variant="subtle"
        color="grape"
        onMouseDown={keepFocus}
        onClick={() => ahCounter.choose()}
      >
        {t('critique.ahCounter.plain')}
      </Button>
    </Group>
  );
}
