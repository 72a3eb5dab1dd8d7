// One import in progress in the library: its name, how far copying and analysing are (they run side by
// side), and a way to cancel it where it can be (the button, or Esc while the row has focus).
import { Button, Group, Progress, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportProgress } from './speechesStore';

const percent = (fraction: number) => Math.floor(fraction * 100);

export function ImportProgressRow({ progress }: { progress: ImportProgress }) {
  const { t } = useTranslation();
  const { copied, analysed } = progress.stages ?? { copied: 0, analysed: 0 };
  const finishing = copied >= 1 && analysed >= 1;
  const label = t('library.importing', { name: progress.name });
  return (
    <Stack
      gap={2}
      data-testid="import-progress"
      onKeyDown={(event) => {
        if (event.key !== 'Escape' || !progress.cancel) return;
        event.stopPropagation();
        progress.cancel();
      }}
    >
      <Group justify="space-between" wrap="nowrap" gap="xs">
        <Text size="sm" truncate>
          {label}
        </Text>
        <Group gap="xs" wrap="nowrap">
          <Text size="xs" c="dimmed" aria-live="polite">
            {finishing
              ? t('library.importFinishing')
              : t('library.importStages', { copied: percent(copied), analysed: percent(analysed) })}
          </Text>
          {progress.cancel ? (
            <Button
              size="compact-xs"
              variant="subtle"
              color="gray"
              aria-label={t('library.cancelImportLabel', { name: progress.name })}
              onClick={progress.cancel}
            >
              {t('library.cancelImport')}
            </Button>
          ) : null}
        </Group>
      </Group>
      <Progress.Root>
        <Progress.Section value={progress.fraction * 100} animated aria-label={label} />
      </Progress.Root>
    </Stack>
  );
}
