// One speech in the library: title, date, format and length, how it did against its target, tags, and
// actions; a video speech also shows its poster thumbnail.
import { ActionIcon, Badge, Group, Menu, Paper, Stack, TagsInput, Text, UnstyledButton } from '@mantine/core';
import { IconDownload, IconPencil, IconPlayerPlayFilled, IconShare, IconTrash } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ActionsMenu } from '../shell/ActionsMenu';
import { targetResult } from '../../shared/audio/timerLights';
import { isVideo, mediaFormats, speechAudioPath, type Speech } from '../../shared/domain/speech';
import { mediaUrl } from '../api/api';
import { useFieldError } from '../shell/fieldChecks';
import type { FieldProblem } from '../shell/fieldChecks';
import { formatClock } from '../shell/formatDuration';
import { ListTitle } from '../shell/ListTitle';
import { tagsProblem } from './speechChecks';
import { SpeechPoster } from './SpeechPoster';

/** How people name each format: two imports of one name are told apart by it ("MP3 · 3:12"). */
const formatNames: Record<keyof typeof mediaFormats, string> = {
  'audio/webm': 'WebM',
  'audio/ogg': 'Ogg',
  'audio/mpeg': 'MP3',
  'audio/mp4': 'M4A',
  'audio/aac': 'AAC',
  'audio/wav': 'WAV',
  'audio/flac': 'FLAC',
  'video/webm': 'WebM',
  'video/mp4': 'MP4',
};

// 4.5:1 contrast as small text in both schemes: dark on white (Mantine's orange.9 is only 4.3:1),
// light on the dark body.
const resultColor = {
  short: 'light-dark(#a63c06, var(--mantine-color-orange-4))',
  within: 'light-dark(var(--mantine-color-teal-9), var(--mantine-color-teal-4))',
  long: 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))',
  none: 'light-dark(var(--mantine-color-gray-7), var(--mantine-color-dark-1))',
} as const;

interface Props {
  speech: Speech;
  /** Groups the member can share to (empty: the item explains how to get one). */
  groups: readonly { groupId: string; name: string }[];
  onShare(groupId: string): void;
  /** ▶: open in the player and play. */
  onPlay(): void;
  /** The title: open in the player, paused. */
  onOpen(): void;
  onRename(): void;
  onDelete(): void;
  onTags(tags: string[]): void;
}

/**
 * A row off screen is not laid out or painted (its last size stands in): a library of months of practice
 * then costs each layout — the player opening above the list, a control measuring itself — only the
 * rows in view.
 */
const offscreenRowsSkipped = { contentVisibility: 'auto', containIntrinsicSize: 'auto 110px' } as const;

export function SpeechRow({ speech, groups, onShare, onPlay, onOpen, onRename, onDelete, onTags }: Props) {
  const { t, i18n } = useTranslation();
  const result = speech.target ? targetResult(speech.durationMs / 1000, speech.target) : 'none';
  const fileName = `${speech.title}.${mediaFormats[speech.mimeType]}`;
  const video = isVideo(speech.mimeType);
  const format = formatNames[speech.mimeType];
  // A tag the API would refuse is not saved, and the field says why.
  const [tagError, setTagError] = useState<FieldProblem>();
  const sayError = useFieldError(true);
  const changeTags = (tags: string[]) => {
    const problem = tagsProblem(tags);
    setTagError(problem);
    if (!problem) onTags(tags);
  };
  return (
    <Paper withBorder p="sm" radius="md" data-testid="speech-row" style={offscreenRowsSkipped}>
      <Group justify="space-between" wrap="nowrap" align="flex-start">
        <Group wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
          <ActionIcon
            size="lg"
            radius="xl"
            variant="light"
            onClick={onPlay}
            aria-label={`${t('library.play')}: ${speech.title}`}
          >
            <IconPlayerPlayFilled size={18} />
          </ActionIcon>
          {video ? <SpeechPoster speech={speech} /> : null}
          <Stack gap={4} style={{ minWidth: 0 }}>
            <UnstyledButton onClick={onOpen}>
              <ListTitle fw={600} title={speech.title} />
            </UnstyledButton>
            <Group gap="xs">
              <Text size="sm" c="dimmed">
                {new Date(speech.createdAt).toLocaleString(i18n.language, {
                  dateStyle: 'medium',
                  timeStyle: 'short',
                })}
              </Text>
              <Text size="sm" data-testid="speech-format">
                {video ? t('library.videoFormat', { format }) : format} ·{' '}
                <Text span inherit ff="monospace">
                  {formatClock(speech.durationMs)}
                </Text>
              </Text>
              <Badge color={resultColor[result]} variant="outline">
                {t(`library.result.${result}`)}
              </Badge>
              {speech.source !== 'recording' ? (
                <Badge variant="outline" color={resultColor.none}>
                  {t(`library.source.${speech.source}`)}
                </Badge>
              ) : null}
            </Group>
            <TagsInput
              size="xs"
              aria-label={t('library.tags')}
              placeholder={t('library.tagsPlaceholder')}
              value={speech.tags}
              onChange={changeTags}
              error={sayError(tagError)}
              w={360}
            />
          </Stack>
        </Group>
        <ActionsMenu label={t('library.actions', { title: speech.title })}>
          {groups.length === 0 ? (
            <Menu.Item leftSection={<IconShare size={16} />} disabled>
              {t('group.share')} · {t('group.nothingToShareTo')}
            </Menu.Item>
          ) : (
            groups.map((group) => (
              <Menu.Item
                key={group.groupId}
                leftSection={<IconShare size={16} />}
                onClick={() => onShare(group.groupId)}
              >
                {groups.length === 1 ? t('group.share') : `${t('group.share')}: ${group.name}`}
              </Menu.Item>
            ))
          )}
          <Menu.Item leftSection={<IconPencil size={16} />} onClick={onRename}>
            {t('library.rename')}
          </Menu.Item>
          <Menu.Item
            leftSection={<IconDownload size={16} />}
            component="a"
            // Made when the menu opens (its items mount then), so the signed link is fresh when clicked.
            href={mediaUrl(speechAudioPath(speech.id))}
            download={fileName}
          >
            {t('library.export')}
          </Menu.Item>
          <Menu.Item leftSection={<IconTrash size={16} />} color="red" onClick={onDelete}>
            {t('library.delete')}
          </Menu.Item>
        </ActionsMenu>
      </Group>
    </Paper>
  );
}
