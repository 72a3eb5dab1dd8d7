// What the group's rules did not apply of members' entries (a removed member's late writing, a
// decision by someone who was no longer a coach, a clock set back), shown to coaches with why.
import { List, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../shared/api/groupContract';

export function SetAsidePanel({ view }: { view: GroupView }) {
  const { t, i18n } = useTranslation();
  if (view.setAside.length === 0) return null;
  const nameOf = (keyId: string) =>
    view.members.find((m) => m.keyId === keyId)?.displayName ?? keyId.slice(0, 8);
  return (
    <Paper withBorder p="md" radius="md" data-testid="set-aside">
      <Stack gap="xs">
        <Title order={3} size="h4">
          {t('group.setAside.title', { count: view.setAside.length })}
        </Title>
        <Text size="sm" c="dimmed">
          {t('group.setAside.body')}
        </Text>
        <List size="sm" spacing={6}>
          {view.setAside.map((entry) => (
            <List.Item key={entry.id}>
              <Text size="sm">
                <Text span fw={600}>
                  {nameOf(entry.author)}
                </Text>{' '}
                · {t(`group.setAside.kind.${entry.kind.replace('.', '_')}`, { defaultValue: entry.kind })} ·{' '}
                {new Date(entry.hlc.slice(0, 24)).toLocaleString(i18n.language)}
              </Text>
              <Text size="xs" c="dimmed">
                {t(`group.setAside.reason.${entry.reason}`)}
              </Text>
            </List.Item>
          ))}
        </List>
      </Stack>
    </Paper>
  );
}
