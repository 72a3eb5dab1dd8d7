// The critique inbox in the group feed: new critiques on my speeches and replies to my comments,
// newest first; opening one shows its speech at that critique's moment, the critiques beside it
// (which marks them read).
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupView } from '../../shared/api/groupContract';
import { nameOf } from './CritiqueNoteItem';
import { markAllRead, useGroupInbox } from './inboxStore';
import { openAtNote } from './openAtNote';

const MAX_SHOWN = 8;

export function CritiqueInboxList({ view, onOpen }: { view: GroupView; onOpen(recordingId: string): void }) {
  const { t } = useTranslation();
  const groupId = view.info.groupId;
  const inbox = useGroupInbox(groupId);
  const unread = inbox?.items.filter((i) => i.unread) ?? [];
  if (!inbox || unread.length === 0) return null;
  const names = Object.fromEntries(view.members.map((m) => [m.keyId, m.displayName]));
  const viewer = { me: view.me.keyId, speaker: '', isCoach: false, names };
  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby="critique-inbox-title">
      <Stack gap="xs">
        <Group justify="space-between">
          <Group gap="xs">
            <Title order={2} size="h5" id="critique-inbox-title">
              {t('critique.inbox.title')}
            </Title>
            <Badge variant="outline" color="teal.9" data-testid="inbox-unread">
              {t('critique.inbox.unread', { count: inbox.unread })}
            </Badge>
          </Group>
          <Button size="compact-xs" variant="subtle" onClick={() => void markAllRead(groupId)}>
            {t('critique.inbox.markAllRead')}
          </Button>
        </Group>
        {unread.slice(0, MAX_SHOWN).map((item) => (
          <Group key={item.noteId} justify="space-between" wrap="nowrap" data-testid="inbox-item">
            <Stack gap={0} style={{ minWidth: 0 }}>
              <Text size="sm" fw={600}>
                {t(`critique.inbox.${item.type}`, {
                  name: nameOf(viewer, item.author, t('critique.you')),
                  title: item.recordingTitle,
                })}
              </Text>
              <Text size="sm" c="dimmed" lineClamp={1}>
                {item.preview}
              </Text>
            </Stack>
            <Button
              size="compact-sm"
              variant="default"
              onClick={() => {
                openAtNote(item.recordingId, item.noteId);
                onOpen(item.recordingId);
              }}
            >
              {t('critique.inbox.open')}
            </Button>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
