// A shared speech in the group's player with its critiques: markers and regions on the waveform,
// the threads beside it (click to seek, the current one highlighted while playing), C or a button to
// comment at the playhead, a drag for a stretch, a whole-speech comment, F to count a filler word
// (the Ah-Counter, marks ticked on the waveform), the evaluation summary with the filler rate, and
// the speaker's trend (their averages and filler rates over the speeches they shared). A video
// recording plays with its picture, and each moment's card shows the frame at that moment.
import { Button, Grid, Group, Stack, Text } from '@mantine/core';
import { IconMessagePlus } from '@tabler/icons-react';
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type WaveSurfer from 'wavesurfer.js';
import type { FeedItem, GroupView } from '../../shared/api/groupContract';
import type { Anchor } from '../../shared/critique/critiqueEvents';
import { DEFAULT_CRITERIA } from '../../shared/critique/criteria';
import { isVideo } from '../../shared/domain/speech';
import { SpeechPlayer } from '../library/SpeechPlayer';
import { loadGroupPeaks } from '../group/loadGroupPeaks';
import { GroupSpeechMetrics } from '../metrics/GroupSpeechMetrics';
import { formatClock } from '../shell/formatDuration';
import type { CritiqueActions, CritiqueViewer } from './critiqueActions';
import { askForNotifications } from './critiqueNotifications';
import { CritiquePanel } from './CritiquePanel';
import { critiqueWrites, useCritiqueThreads } from './critiqueStore';
import { CommentComposer } from './CommentComposer';
import { currentCritique, anchorStart } from './currentCritique';
import { EvaluationSummaryCard } from './EvaluationSummaryCard';
import { FillerCounts } from './FillerCounts';
import { MarkerFrame } from './MarkerFrame';
import { FillerMarkButton, FillerPicker } from './FillerPicker';
import { MemberAveragesChart } from './MemberAveragesChart';
import { noteToOpenAt, openedAtNote } from './openAtNote';
import { useAhCounter } from './useAhCounter';
import { useCritiqueRegions } from './useCritiqueRegions';
import { useFillerTicks } from './useFillerTicks';
import { useFrameGrabber } from './useFrameGrabber';

/** How finely the player's re-rendering follows the playhead during playback. */
const TIME_STEP_MS = 250;

type Recording = Extract<FeedItem, { type: 'recording' }>;
/** What the composer is writing about: a moment or stretch, the whole speech, or nothing (closed). */
type Draft = { anchor: Anchor | undefined } | null;

/** A shared recording's picture: its size is read from the file as it loads. */
const sharedVideo = {};

const typing = (target: EventTarget) =>
  target instanceof HTMLElement && !!target.closest('input, textarea, select, [contenteditable="true"]');

export function CritiquePlayer({
  item,
  view,
  onClose,
}: {
  item: Recording;
  view: GroupView;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const groupId = view.info.groupId;
  const data = useCritiqueThreads(groupId, item.id);
  const video = isVideo(item.mime);
  const frames = useFrameGrabber(video ? item.audioUrl : undefined);
  const [ws, setWs] = useState<WaveSurfer | null>(null);
  /** The playhead as the player reports it, every frame while playing. */
  const playhead = useRef(0);
  /**
   * The playhead for rendering, moved once it is a quarter second off: the highlight and the clock
   * need no more. (Not rounded: a seek to a comment's moment must land on it, not just before it.)
   */
  const [currentMs, setCurrentMs] = useState(0);
  const rendered = useRef(0);
  const showTime = useCallback((ms: number) => {
    rendered.current = ms;
    setCurrentMs(ms);
  }, []);
  const onTime = useCallback(
    (ms: number) => {
      playhead.current = ms;
      if (Math.abs(ms - rendered.current) >= TIME_STEP_MS) showTime(ms);
    },
    [showTime],
  );
  const [draft, setDraft] = useState<Draft>(null);
  const threads = useMemo(() => data?.threads ?? [], [data]);
  const moments = useMemo(
    () =>
      threads.flatMap((th) =>
        th.comment.anchor && 'atMs' in th.comment.anchor ? [th.comment.anchor.atMs] : [],
      ),
    [threads],
  );
  const currentId = useMemo(() => currentCritique(threads, currentMs), [threads, currentMs]);
  const names = useMemo(() => Object.fromEntries(view.members.map((m) => [m.keyId, m.displayName])), [view]);
  const isCoach = data?.isCoach ?? false;
  const criteria = data?.criteria ?? DEFAULT_CRITERIA;
  const viewer = useMemo<CritiqueViewer>(
    () => ({ me: view.me.keyId, speaker: item.author, isCoach, names, criteria }),
    [view.me.keyId, item.author, isCoach, names, criteria],
  );

  // The same element while only the playhead moves, so playback does not render the summary again.
  const summary = useMemo(
    () =>
      data && (
        <Stack gap="sm">
          <EvaluationSummaryCard summary={data.summary}>
            <FillerCounts
              fillers={data.fillers}
              me={view.me.keyId}
              speaker={item.author}
              names={names}
              onWithdraw={(id) => void critiqueWrites.withdrawFiller(id).catch(() => {})}
              onCounted={(counted) => void critiqueWrites.fillerCounted(item.id, counted).catch(() => {})}
            />
          </EvaluationSummaryCard>
          <MemberAveragesChart
            points={data.speakerTrend}
            fillers={data.speakerFillerTrend}
            currentRecordingId={item.id}
            criteria={data.criteria}
          />
        </Stack>
      ),
    [data, item.id, item.author, view.me.keyId, names],
  );
  const fillerMarks = useMemo(() => data?.fillers.marks ?? [], [data]);
  useFillerTicks(
    ws,
    fillerMarks,
    item.durationMs,
    t('critique.ahCounter.waveLabel', { count: fillerMarks.length }),
  );
  // A failed write was reported (critiqueWrites); the Ah-Counter goes on listening.
  const ahCounter = useAhCounter({
    now: () => Math.min(playhead.current, item.durationMs),
    onMark: (atMs, word) => void critiqueWrites.filler(item.id, atMs, word).catch(() => {}),
  });

  const seek = useCallback(
    (ms: number) => {
      ws?.setTime(ms / 1000);
      playhead.current = ms;
      showTime(ms);
    },
    [ws, showTime],
  );

  // Opened from the inbox for one critique: start at its moment (which highlights it), once the
  // player knows the speech's length (before that a seek lands on 0:00) and the threads are in.
  useEffect(() => {
    const noteId = noteToOpenAt(item.id);
    if (!ws || !data || !noteId) return;
    const goThere = () => {
      openedAtNote();
      const thread = data.threads.find(
        (th) => th.comment.id === noteId || th.replies.some((reply) => reply.id === noteId),
      );
      if (thread?.comment.anchor) seek(anchorStart(thread.comment.anchor));
    };
    if (ws.getDuration() > 0) goThere();
    else return ws.once('ready', goThere);
  }, [ws, data, item.id, seek]);
  const regions = useCritiqueRegions(ws, {
    threads,
    currentId,
    onRange: (range) => setDraft({ anchor: range }),
    onSelect: (id) => {
      const anchor = threads.find((th) => th.comment.id === id)?.comment.anchor;
      if (anchor) seek(anchorStart(anchor));
    },
  });
  const closeDraft = () => {
    regions.clearDraft();
    setDraft(null);
  };
  const commentHere = () => {
    ws?.pause();
    askForNotifications();
    setDraft({ anchor: { atMs: Math.min(Math.round(playhead.current), item.durationMs) } });
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (typing(event.target)) return;
    if (ahCounter.onKey(event)) return event.preventDefault();
    if (event.key.toLowerCase() !== 'c' || event.ctrlKey || event.metaKey || event.altKey) return;
    event.preventDefault();
    commentHere();
  };

  const actions: CritiqueActions = {
    onSeek: seek,
    onReply: critiqueWrites.reply,
    onEdit: critiqueWrites.edit,
    onRetract: critiqueWrites.retract,
    onResolve: critiqueWrites.resolve,
    onReact: critiqueWrites.react,
    ...(isCoach && { onHide: critiqueWrites.hide }),
  };

  return (
    <div onKeyDown={onKeyDown} data-testid="critique-player">
      <SpeechPlayer
        title={item.title}
        durationMs={item.durationMs}
        audioPath={item.audioUrl}
        loadPeaks={() => loadGroupPeaks(item.peaksUrl)}
        video={video ? sharedVideo : undefined}
        onClose={onClose}
        onReady={setWs}
        onTime={onTime}
      >
        <Group gap="xs">
          <Button
            size="xs"
            leftSection={<IconMessagePlus size={16} />}
            onClick={commentHere}
            aria-keyshortcuts="C"
          >
            {t('critique.commentHere', { time: formatClock(currentMs) })}
          </Button>
          <Button size="xs" variant="default" onClick={() => setDraft({ anchor: undefined })}>
            {t('critique.commentWhole')}
          </Button>
          <FillerMarkButton ahCounter={ahCounter} />
          <Text size="xs" c="dimmed" style={{ flex: 1, minWidth: 200 }}>
            {t('critique.commentHereHint')} {t('critique.ahCounter.hint')}
          </Text>
        </Group>
        <FillerPicker ahCounter={ahCounter} />
        {draft && (
          <CommentComposer
            groupId={groupId}
            anchor={draft.anchor}
            criteria={criteria}
            onSubmit={(text, evaluation) => critiqueWrites.comment(item.id, draft.anchor, text, evaluation)}
            onClose={closeDraft}
          />
        )}
        <Grid gap="sm">
          <Grid.Col span={{ base: 12, md: 8 }}>
            <CritiquePanel
              threads={threads}
              viewer={viewer}
              currentMs={currentMs}
              height={420}
              frames={frames}
              {...actions}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, md: 4 }}>{summary}</Grid.Col>
        </Grid>
        {frames && <MarkerFrame ws={ws} frames={frames} moments={moments} durationMs={item.durationMs} />}
        {/* Below the critiques: the composer and threads stay next to the waveform they point at. */}
        <GroupSpeechMetrics groupId={groupId} recording={item.id} ws={ws} onSeek={seek} />
      </SpeechPlayer>
    </div>
  );
}
