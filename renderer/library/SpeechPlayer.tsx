// Plays a speech with its waveform drawn from stored peaks and its known duration, so even an hour-long
// speech opens at once without decoding. Audio streams with Range requests, so seeking is instant.
// A video speech shows its picture above the waveform: its <video> is wavesurfer's media element, so
// play, pause, seeking and speed act on one element and the picture follows the waveform exactly.
import {
  ActionIcon,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  useComputedColorScheme,
} from '@mantine/core';
import { IconPlayerPauseFilled, IconPlayerPlayFilled, IconX } from '@tabler/icons-react';
import { useCallback, useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import WaveSurfer from 'wavesurfer.js';
import TimelinePlugin from 'wavesurfer.js/dist/plugins/timeline.esm.js';
import { peaksForPlayer, playerPeakPairs } from '../../shared/audio/peaks';
import { mediaUrl } from '../api/api';
import { formatClock } from '../shell/formatDuration';
import { reportError } from '../shell/reportError';
import { mediaRequested } from './mediaRequested';
import { useFullscreen } from './useFullscreen';
import { fullscreenKey, VideoPicture, type PlayerVideo } from './VideoPicture';
import { waveColors } from './waveColors';

const speeds = ['0.75', '1', '1.25', '1.5', '2'];
const seekStepSeconds = 5;

export interface SpeechPlayerProps {
  title: string;
  durationMs: number;
  /** A media path served with Range by either host: the member's own speech, or a group's shared one. */
  audioPath: string;
  /** The stored peaks as int8 min/max pairs. */
  loadPeaks(): Promise<Int8Array>;
  /** Present when the speech has a picture (its media is video/…): shown above the waveform. */
  video?: PlayerVideo;
  onClose(): void;
  /** Start playing as soon as the player is made (the member pressed ▶ to open it). */
  autoPlay?: boolean;
  /** For features that draw on the waveform (critique markers). */
  onReady?(player: WaveSurfer): void;
  /** The playhead in ms, as it moves or is moved (the callback given when the player opened). */
  onTime?(ms: number): void;
  children?: ReactNode;
}

export function SpeechPlayer({
  title,
  durationMs,
  audioPath,
  loadPeaks,
  video,
  onClose,
  autoPlay = false,
  onReady,
  onTime,
  children,
}: SpeechPlayerProps) {
  const { t } = useTranslation();
  const container = useRef<HTMLDivElement>(null);
  const player = useRef<WaveSurfer | null>(null);
  const picture = useRef<HTMLVideoElement>(null);
  const pictureBox = useRef<HTMLDivElement>(null);
  const { fullscreen, toggle: toggleFullscreen } = useFullscreen(pictureBox);
  const playPause = useCallback(() => void player.current?.playPause(), []);
  const [playing, setPlaying] = useState(false);
  /** The play button waits for the waveform: before it, a click would do nothing. */
  const [ready, setReady] = useState(false);
  /** The clock's whole second: wavesurfer reports the time on every animation frame while playing, and
   *  the player renders again only when the clock shows another second. */
  const [shownSecond, setShownSecond] = useState(0);
  const [speed, setSpeed] = useState('1');
  const colors = waveColors[useComputedColorScheme('light')];

  // The waveform follows a change of colour scheme without being made again.
  useEffect(() => {
    player.current?.setOptions(colors);
  }, [colors]);

  useEffect(() => {
    let disposed = false;
    let instance: WaveSurfer | undefined;
    // Read now: by cleanup time React may have let go of the element.
    const media = video ? picture.current : null;
    // Signed here, as the player is made: it keeps this URL for every Range request while it lives.
    // Absolute, as the element reports its own: wavesurfer then keeps the source it finds set.
    const url = new URL(mediaUrl(audioPath), location.href).href;
    // The picture starts loading first and the peaks once it has asked for its file: its first frame
    // is then ready with the waveform.
    if (media) media.src = url;
    void (media ? mediaRequested(media) : Promise.resolve()).then(loadPeaks).then((pairs) => {
      if (disposed || !container.current) return;
      const peaks = peaksForPlayer({ data: pairs }, playerPeakPairs);
      instance = WaveSurfer.create({
        container: container.current,
        height: 96,
        ...colors,
        barWidth: 2,
        barGap: 1,
        barRadius: 2,
        url,
        peaks: [peaks],
        duration: durationMs / 1000,
        ...(media && { media }),
        plugins: [
          TimelinePlugin.create({
            height: 18,
            style: { fontSize: '11px', color: 'var(--mantine-color-dimmed)' },
          }),
        ],
      });
      instance.on('timeupdate', (seconds) => {
        setShownSecond(Math.floor(seconds));
        onTime?.(seconds * 1000);
      });
      instance.on('play', () => setPlaying(true));
      instance.on('pause', () => setPlaying(false));
      instance.on('error', (error) => reportError(error));
      player.current = instance;
      setReady(true);
      onReady?.(instance);
      // Once the audio is set up (a play() before that has no source to play). A browser may refuse
      // to play without a gesture it can see: then the Play button is there.
      if (autoPlay) instance.once('ready', () => instance?.play().catch(() => undefined));
    }, reportError);
    return () => {
      disposed = true;
      instance?.destroy();
      player.current = null;
      // wavesurfer leaves a media element it was given alone: stop it and let go of the file.
      if (media) {
        media.pause();
        media.removeAttribute('src');
        media.load();
      }
    };
    // A new player only for new audio; callbacks may change identity on every render.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [audioPath, durationMs]);

  const onKeyDown = (event: KeyboardEvent) => {
    const ws = player.current;
    if (!ws) return;
    // Keys typed into a field (a critique, the speed control) or on a button are theirs, not the player's.
    const target = event.target as HTMLElement;
    if (target.closest('input, textarea, select, [contenteditable="true"]')) return;
    if (event.key === ' ' && target !== event.currentTarget && target.closest('button, a')) return;
    if (event.key === 'ArrowRight' || event.key === 'ArrowLeft') {
      ws.setTime(
        Math.max(
          0,
          Math.min(
            ws.getDuration(),
            ws.getCurrentTime() + (event.key === 'ArrowRight' ? 1 : -1) * seekStepSeconds,
          ),
        ),
      );
      event.preventDefault();
    } else if (event.key === ' ') {
      void ws.playPause();
      event.preventDefault();
    } else if (
      video &&
      event.key.toUpperCase() === fullscreenKey &&
      !event.ctrlKey &&
      !event.metaKey &&
      !event.altKey
    ) {
      toggleFullscreen();
      event.preventDefault();
    }
  };

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      tabIndex={0}
      onKeyDown={onKeyDown}
      aria-label={t('library.player', { title: title })}
      role="region"
    >
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap">
          <Title order={2} size="h4" lineClamp={2} title={title} style={{ overflowWrap: 'anywhere' }}>
            {title}
          </Title>
          <ActionIcon variant="subtle" onClick={onClose} aria-label={t('library.close')}>
            <IconX />
          </ActionIcon>
        </Group>
        {video && (
          <VideoPicture
            title={title}
            width={video.width}
            height={video.height}
            posterPath={video.posterPath}
            videoRef={picture}
            boxRef={pictureBox}
            fullscreen={fullscreen}
            onToggleFullscreen={toggleFullscreen}
            onPlayPause={playPause}
          />
        )}
        <div ref={container} data-testid="waveform" data-duration-ms={durationMs} />
        <Group justify="space-between">
          <Group>
            <ActionIcon
              size="xl"
              radius="xl"
              disabled={!ready}
              onClick={playPause}
              aria-label={playing ? t('library.pause') : t('library.play')}
            >
              {playing ? <IconPlayerPauseFilled /> : <IconPlayerPlayFilled />}
            </ActionIcon>
            <Text ff="monospace" aria-live="off" data-testid="player-time">
              {formatClock(shownSecond * 1000)} / {formatClock(durationMs)}
            </Text>
            <Text size="sm" c="dimmed" role="status" data-testid="player-state">
              {ready ? t(playing ? 'library.playing' : 'library.paused') : ''}
            </Text>
          </Group>
          <Group gap="xs">
            <Text size="sm" id="player-speed">
              {t('library.speed')}
            </Text>
            <SegmentedControl
              size="xs"
              aria-labelledby="player-speed"
              value={speed}
              onChange={(value) => {
                setSpeed(value);
                player.current?.setPlaybackRate(Number(value), true);
              }}
              data={speeds.map((value) => ({ value, label: `${value}×` }))}
            />
          </Group>
        </Group>
        <Text size="xs" c="dimmed">
          {t(video ? 'library.seekHintVideo' : 'library.seekHint')}
        </Text>
        {children}
      </Stack>
    </Paper>
  );
}
