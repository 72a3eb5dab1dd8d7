// The autosave state of the open entry, announced politely to screen readers.
import { Group, Text, useComputedColorScheme } from '@mantine/core';
import { IconAlertTriangle, IconCheck, IconLoader2, IconPencil } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useDraftStore } from './entryDraftStore';

const icons = { saved: IconCheck, saving: IconLoader2, unsaved: IconPencil, failed: IconAlertTriangle };
const colours = {
  light: { saved: 'teal.9', saving: 'dimmed', unsaved: 'dimmed', failed: 'red.8' },
  dark: { saved: 'teal.4', saving: 'dimmed', unsaved: 'dimmed', failed: 'red.4' },
};

export function SaveStatus() {
  const { t } = useTranslation();
  const status = useDraftStore((state) => state.status);
  const scheme = useComputedColorScheme('light');
  const Icon = icons[status];
  return (
    <Group gap={4} role="status" aria-live="polite" data-testid="save-status" data-status={status}>
      <Icon size={16} aria-hidden />
      <Text size="sm" c={colours[scheme][status]}>
        {t(`journal.status.${status}`)}
      </Text>
    </Group>
  );
}
