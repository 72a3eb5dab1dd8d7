// The list of critiques beside the waveform, in the speech's order (whole-speech comments first).
// During playback the current comment is highlighted and scrolled into view; everything a member
// does here goes to the owner's callbacks (see critiqueActions.ts).
// A speech can gather hundreds of critiques, so only a window of the list is rendered (PAGE_SIZE
// cards, more on request); the window moves to the current comment when it lies outside, so a seek,
// a click on a marker or playback always finds its card.
import { Button, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ThreadView } from '../../shared/critique/critiqueBoard';
import type { CritiqueActions, CritiqueViewer } from './critiqueActions';
import { CritiqueThreadCard } from './CritiqueThreadCard';
import { currentCritique } from './currentCritique';
import type { FrameGrabber } from './frameGrabber';

export interface CritiquePanelProps extends CritiqueActions {
  // Keep `viewer` stable (useMemo) so playback re-renders only the cards whose highlight changes.
  /** The recording's threads, as recordingThreads() orders them. */
  threads: readonly ThreadView[];
  viewer: CritiqueViewer;
  /** The playhead. */
  currentMs: number;
  /** Panel height; the list scrolls inside it. */
  height?: number | string;
  /** A video recording's frames, drawn beside each moment (only for the cards shown). */
  frames?: FrameGrabber | null;
}

/** How many cards the list renders at first, and how many more each "show more" adds. */
export const PAGE_SIZE = 20;

interface Span {
  start: number;
  end: number;
}

/** A window of PAGE_SIZE cards with `index` near its top. */
function spanAround(index: number): Span {
  const start = Math.max(0, index - Math.floor(PAGE_SIZE / 4));
  return { start, end: start + PAGE_SIZE };
}

export function CritiquePanel({
  threads,
  viewer,
  currentMs,
  height = 480,
  frames,
  ...actions
}: CritiquePanelProps) {
  const { t } = useTranslation();
  const currentId = useMemo(() => currentCritique(threads, currentMs), [threads, currentMs]);
  const list = useRef<HTMLDivElement>(null);
  const stable = useStableActions(actions);

  const [span, setSpan] = useState<Span>({ start: 0, end: PAGE_SIZE });
  const [followed, setFollowed] = useState<string | null>(null);
  if (currentId !== followed) {
    // Adjusted while rendering (not in an effect), so the card is there when it is scrolled to.
    setFollowed(currentId);
    const index = currentId ? threads.findIndex((th) => th.comment.id === currentId) : -1;
    if (index >= 0 && (index < span.start || index >= span.end)) setSpan(spanAround(index));
  }
  const start = Math.max(0, Math.min(span.start, threads.length - PAGE_SIZE));
  const end = Math.min(threads.length, Math.max(span.end, start + PAGE_SIZE));
  const shown = threads.slice(start, end);

  useEffect(() => {
    if (!currentId) return;
    const card = list.current?.querySelector(`[data-thread="${currentId}"]`);
    card?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [currentId]);

  return (
    <Stack gap="xs" component="section" aria-labelledby="critique-panel-title">
      <Title order={3} size="h5" id="critique-panel-title">
        {t('critique.title')}
        <Text span c="dimmed" size="sm" ml="xs">
          {t('critique.count', { count: threads.length })}
        </Text>
      </Title>
      {threads.length === 0 ? (
        <Text size="sm" c="dimmed">
          {t('critique.empty')}
        </Text>
      ) : (
        <ScrollArea.Autosize mah={height} type="auto" offsetScrollbars>
          <Stack gap="xs" ref={list}>
            {start > 0 && (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setSpan({ start: Math.max(0, start - PAGE_SIZE), end })}
              >
                {t('critique.showEarlier', { count: Math.min(PAGE_SIZE, start) })}
              </Button>
            )}
            {shown.map((thread) => (
              <CritiqueThreadCard
                key={thread.comment.id}
                thread={thread}
                viewer={viewer}
                actions={stable}
                current={thread.comment.id === currentId}
                frames={frames}
              />
            ))}
            {end < threads.length && (
              <Button
                size="compact-sm"
                variant="subtle"
                onClick={() => setSpan({ start, end: end + PAGE_SIZE })}
              >
                {t('critique.showMore', { count: Math.min(PAGE_SIZE, threads.length - end) })}
              </Button>
            )}
          </Stack>
        </ScrollArea.Autosize>
      )}
    </Stack>
  );
}

/** The same callbacks object for the panel's life, calling whatever the owner passed last. */
function useStableActions(actions: CritiqueActions): CritiqueActions {
  const latest = useRef(actions);
  useEffect(() => {
    latest.current = actions;
  });
  const canHide = !!actions.onHide;
  return useMemo<CritiqueActions>(
    () => ({
      onSeek: (ms) => latest.current.onSeek(ms),
      onReply: (id, text) => latest.current.onReply(id, text),
      onEdit: (id, text) => latest.current.onEdit(id, text),
      onRetract: (id) => latest.current.onRetract(id),
      onResolve: (id, resolved) => latest.current.onResolve(id, resolved),
      onReact: (id, reaction, on) => latest.current.onReact(id, reaction, on),
      ...(canHide && { onHide: (id: string, hidden: boolean) => latest.current.onHide?.(id, hidden) }),
    }),
    [canHide],
  );
}
