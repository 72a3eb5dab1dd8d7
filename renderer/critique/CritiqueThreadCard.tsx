// One thread beside the waveform: where it is in the speech (a button that plays from there), the
// comment and its replies, and resolve/reopen for the speaker and coaches. The current one stands out.
// On a video recording the frame at its moment sits beside its time.
import { Badge, Box, Button, Group, Paper, Stack } from '@mantine/core';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadView } from '../../shared/critique/critiqueBoard';
import { formatClock } from '../shell/formatDuration';
import type { CritiqueActions, CritiqueViewer } from './critiqueActions';
import { CritiqueNoteItem } from './CritiqueNoteItem';
import type { FrameGrabber } from './frameGrabber';
import { FrameThumbnail } from './FrameThumbnail';
import { anchorStart } from './currentCritique';

export interface CritiqueThreadCardProps {
  thread: ThreadView;
  viewer: CritiqueViewer;
  actions: CritiqueActions;
  current: boolean;
  /** The recording's frames, when it is a video. */
  frames?: FrameGrabber | null;
}

export function anchorLabel(thread: ThreadView): string | null {
  const anchor = thread.comment.anchor;
  if (!anchor) return null;
  return 'atMs' in anchor
    ? formatClock(anchor.atMs)
    : `${formatClock(anchor.startMs)}–${formatClock(anchor.endMs)}`;
}

/** Memoized: during playback only the cards whose `current` flips render again. */
export const CritiqueThreadCard = memo(function CritiqueThreadCard({
  thread,
  viewer,
  actions,
  current,
  frames,
}: CritiqueThreadCardProps) {
  const { t } = useTranslation();
  const { comment } = thread;
  const label = anchorLabel(thread);
  const mayResolve = viewer.me === viewer.speaker || viewer.isCoach;
  return (
    <Paper
      withBorder
      p="xs"
      radius="md"
      component="article"
      aria-current={current ? 'true' : undefined}
      data-thread={comment.id}
      // Pale yellow on white; on a dark page a lighter grey, so light text keeps its contrast.
      bg={current ? 'light-dark(var(--mantine-color-yellow-0), var(--mantine-color-dark-5))' : undefined}
      style={current ? { borderColor: 'var(--mantine-color-orange-5)' } : undefined}
    >
      <Stack gap={6}>
        <Group justify="space-between" gap={4}>
          {label ? (
            <Group gap={6}>
              {frames && (
                <FrameThumbnail
                  frames={frames}
                  atMs={anchorStart(comment.anchor!)}
                  onClick={() => actions.onSeek(anchorStart(comment.anchor!))}
                />
              )}
              <Button
                size="compact-xs"
                variant="light"
                ff="monospace"
                aria-label={t('critique.seekTo', { time: label })}
                onClick={() => actions.onSeek(anchorStart(comment.anchor!))}
              >
                {label}
              </Button>
            </Group>
          ) : (
            <Badge variant="outline" color="gray.7">
              {t('critique.wholeSpeech')}
            </Badge>
          )}
          <Group gap={4}>
            {thread.resolved && (
              <Badge color="teal.9" variant="outline">
                {t('critique.resolved')}
              </Badge>
            )}
            {mayResolve && (
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => void actions.onResolve(comment.id, !thread.resolved)}
              >
                {thread.resolved ? t('critique.reopen') : t('critique.resolve')}
              </Button>
            )}
          </Group>
        </Group>
        <CritiqueNoteItem note={comment} viewer={viewer} actions={actions} />
        {thread.replies.map((reply) => (
          <Box
            key={reply.id}
            pl={Math.min(reply.depth, 3) * 12}
            style={{ borderLeft: '2px solid var(--mantine-color-default-border)' }}
          >
            <Box pl="xs">
              <CritiqueNoteItem note={reply} viewer={viewer} actions={actions} />
            </Box>
          </Box>
        ))}
      </Stack>
    </Paper>
  );
});
