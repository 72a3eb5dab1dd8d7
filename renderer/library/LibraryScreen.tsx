import { Button, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScreenEmptyState } from '../shell/ScreenEmptyState';
import { screenIcons } from '../shell/screenIcons';
import { navigate } from '../state/uiStore';

export function LibraryScreen() {
  const { t } = useTranslation();
  const Icon = screenIcons.library;
  return (
    <Stack>
      <Title order={1}>{t('nav.library')}</Title>
      <ScreenEmptyState
        icon={<Icon size={32} />}
        title={t('library.emptyTitle')}
        description={t('library.emptyBody')}
      >
        <Button onClick={() => navigate('record')}>{t('library.recordAction')}</Button>
      </ScreenEmptyState>
    </Stack>
  );
}
