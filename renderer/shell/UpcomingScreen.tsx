// A screen whose feature has not landed yet: it says what the screen will do, in the member's language.
import { Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { ScreenEmptyState } from './ScreenEmptyState';
import { screenIcons } from './screenIcons';

export function UpcomingScreen({ screen }: { screen: 'journal' | 'group' }) {
  const { t } = useTranslation();
  const Icon = screenIcons[screen];
  return (
    <Stack>
      <Title order={1}>{t(`nav.${screen}`)}</Title>
      <ScreenEmptyState
        icon={<Icon size={32} />}
        title={t(`${screen}.emptyTitle`)}
        description={t(`${screen}.emptyBody`)}
      >
        <Text size="sm" c="dimmed">
          {t(`${screen}.comingSoon`)}
        </Text>
      </ScreenEmptyState>
    </Stack>
  );
}
