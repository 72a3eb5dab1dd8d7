// No group yet: what a group is, and the two ways in (a coach creates, a member joins).
import { Button, Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconFolderPlus, IconUserPlus } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ScreenEmptyState } from '../shell/ScreenEmptyState';
import { screenIcons } from '../shell/screenIcons';

export function GroupWelcome({ onCreate, onJoin }: { onCreate(): void; onJoin(): void }) {
  const { t } = useTranslation();
  const Icon = screenIcons.group;
  return (
    <Stack>
      <ScreenEmptyState
        icon={<Icon size={32} />}
        title={t('group.emptyTitle')}
        description={t('group.emptyBody')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={760} mx="auto">
        <Card withBorder padding="lg">
          <Stack>
            <IconFolderPlus size={28} aria-hidden />
            <Title order={2} size="h4">
              {t('group.createTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('group.createBody')}
            </Text>
            <Button onClick={onCreate}>{t('group.createAction')}</Button>
          </Stack>
        </Card>
        <Card withBorder padding="lg">
          <Stack>
            <IconUserPlus size={28} aria-hidden />
            <Title order={2} size="h4">
              {t('group.joinTitle')}
            </Title>
            <Text size="sm" c="dimmed">
              {t('group.joinBody')}
            </Text>
            <Button variant="light" onClick={onJoin}>
              {t('group.joinAction')}
            </Button>
          </Stack>
        </Card>
      </SimpleGrid>
    </Stack>
  );
}
