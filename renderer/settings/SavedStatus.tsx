// "Saved", said once a settings form is stored (a status, so screen readers hear it).
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function SavedStatus() {
  const { t } = useTranslation();
  return (
    <Text size="sm" c="light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))" role="status">
      {t('settings.saved')}
    </Text>
  );
}
