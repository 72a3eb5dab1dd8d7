// The group's shared speeches and reflections, newest first; a speech opens the player, its audio
// streamed straight from the group folder ("still arriving" while the sync tool copies it). A speech
// checked in for an assignment says for which, with the reflection written with the check-in. While
// the folder cannot be reached, what is not here says so, and the member's own new shares show at once,
// marked as waiting for the folder.
import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { IconClockHour4, IconCloudOff, IconCloudUp, IconPlayerPlayFilled } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { FeedItem, GroupView } from '../../shared/api/groupContract';
import { isVideo } from '../../shared/domain/speech';
import { formatClock } from '../shell/formatDuration';
import { formatSize } from '../shell/formatSize';
import { CritiqueInboxList } from '../critique/CritiqueInboxList';
import { CritiquePlayer } from '../critique/CritiquePlayer';
import { GoneRecordingNotice } from '../critique/GoneRecordingNotice';
import { useGroupInbox } from '../critique/inboxStore';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { withdraw } from './groupStore';

/** Drawn at first; a year-old group has hundreds of items and drawing them all took seconds. */
const pageSize = 30;

export function GroupFeed({ view, folderAway }: { view: GroupView; folderAway: boolean }) {
  const { t, i18n } = useTranslation();
  const [playing, setPlaying] = useState<Extract<FeedItem, { type: 'recording' }>>();
  const [shown, setShown] = useState(pageSize);
  const [withdrawing, setWithdrawing] = useState<FeedItem>();
  const inbox = useGroupInbox(view.info.groupId);
  const openRecording = (id: string) => {
    const item = view.feed.find((f) => f.id === id);
    if (item?.type === 'recording') setPlaying(item);
  };
  const names = new Map(view.members.map((m) => [m.keyId, m.displayName]));
  const dates = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const when = (iso: string) => dates.format(new Date(iso.slice(0, 24)));
  const more = view.feed.length - shown;
  // The open speech as the feed has it now: gone when its author withdrew it or a coach hid it.
  const stillShared = playing && view.feed.find((f) => f.id === playing.id && f.type === 'recording');

  if (view.feed.length === 0 && !playing) return <Text c="dimmed">{t('group.feedEmpty')}</Text>;
  return (
    <Stack>
      {playing ? (
        stillShared ? (
          <CritiquePlayer key={playing.id} item={playing} view={view} onClose={() => setPlaying(undefined)} />
        ) : (
          <GoneRecordingNotice
            groupId={view.info.groupId}
            recordingId={playing.id}
            title={playing.title}
            onClose={() => setPlaying(undefined)}
          />
        )
      ) : null}
      <CritiqueInboxList view={view} onOpen={openRecording} />
      {view.feed.length === 0 ? <Text c="dimmed">{t('group.feedEmpty')}</Text> : null}
      {view.feed.slice(0, shown).map((item) => (
        <Paper key={item.id} withBorder p="sm" radius="md" data-testid="feed-item">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Stack gap={4}>
              <Group gap="xs">
                <Text fw={600}>{item.title}</Text>
                <Badge variant="outline" color="gray.7">
                  {t(item.type === 'recording' ? 'group.feedSpeech' : 'group.feedReflection')}
                </Badge>
                {item.waiting ? (
                  <Badge
                    variant="outline"
                    color="light-dark(#8a5300, #fcc419)"
                    leftSection={<IconCloudUp size={12} />}
                    data-testid="feed-waiting"
                  >
                    {t('group.feedWaiting')}
                  </Badge>
                ) : null}
                {inbox?.unreadByRecording[item.id] ? (
                  <Badge variant="outline" color="teal.9" data-testid="feed-unread">
                    {t('critique.inbox.feedBadge', { count: inbox.unreadByRecording[item.id] })}
                  </Badge>
                ) : null}
              </Group>
              <Text size="sm" c="dimmed">
                {names.get(item.author) ?? t('group.unknownMember')} · {when(item.sharedAt)}
                {item.type === 'recording' ? ` · ${formatClock(item.durationMs)}` : ''}
                {item.type === 'recording' ? (
                  <span data-testid="feed-media">
                    {' · '}
                    {t(isVideo(item.mime) ? 'group.feedVideo' : 'group.feedAudio', {
                      size: formatSize(item.byteSize, i18n.language),
                    })}
                  </span>
                ) : null}
              </Text>
              {item.type === 'recording' && item.checkIn ? (
                <Text size="sm" data-testid="feed-check-in">
                  {t('group.feedCheckIn', { title: item.checkIn.title })}
                </Text>
              ) : null}
              {item.type === 'recording' && item.checkIn?.reflection ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} data-testid="feed-check-in-reflection">
                  <Text span size="sm" fw={600}>
                    {t('group.feedReflectionLabel')}
                  </Text>
                  {item.checkIn.reflection}
                </Text>
              ) : null}
              {item.type === 'reflection' ? (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
                  {item.text}
                </Text>
              ) : null}
            </Stack>
            <Group gap="xs" wrap="nowrap">
              {item.type === 'recording' && !item.waiting ? (
                item.audioArrived ? (
                  <Button
                    size="xs"
                    leftSection={<IconPlayerPlayFilled size={14} />}
                    onClick={() => setPlaying(item)}
                  >
                    {t('group.play')}
                  </Button>
                ) : folderAway ? (
                  <Badge variant="outline" color="red.9" leftSection={<IconCloudOff size={12} />}>
                    {t('group.audioFolderAway')}
                  </Badge>
                ) : (
                  <Badge variant="outline" color="gray.7" leftSection={<IconClockHour4 size={12} />}>
                    {t('group.audioArriving')}
                  </Badge>
                )
              ) : null}
              {item.author === view.me.keyId ? (
                <Button size="xs" variant="subtle" color="red" onClick={() => setWithdrawing(item)}>
                  {t('group.withdraw')}
                </Button>
              ) : null}
            </Group>
          </Group>
        </Paper>
      ))}
      <ConfirmDialog
        opened={withdrawing !== undefined}
        title={t('group.withdrawTitle', { title: withdrawing?.title ?? '' })}
        body={t(withdrawing?.type === 'recording' ? 'group.withdrawSpeechBody' : 'group.withdrawBody')}
        confirmLabel={t('group.withdraw')}
        onConfirm={() => withdrawing && void withdraw(view.info.groupId, withdrawing.id)}
        onClose={() => setWithdrawing(undefined)}
      />
      {more > 0 ? (
        <Button variant="default" onClick={() => setShown((n) => n + pageSize)}>
          {t('group.showMore', { count: Math.min(more, pageSize) })}
        </Button>
      ) : (
        <Title order={2} size="h6" c="dimmed" ta="center">
          {t('group.feedEnd')}
        </Title>
      )}
    </Stack>
  );
}
