// A video speech's picture above the waveform: the <video> element wavesurfer plays (so picture and
// waveform are one timeline), in a box that keeps the video's shape and stays low enough to leave the
// waveform and the critiques in view, with a full-screen button. A click on the picture plays or pauses.
import { ActionIcon, Tooltip } from '@mantine/core';
import { IconMaximize, IconMinimize } from '@tabler/icons-react';
import { memo, useMemo, useState, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { mediaUrl } from '../api/api';

/** What the player knows of a speech's picture before the file says more. */
export interface PlayerVideo {
  /** Its size, when known (a speech of the member's own); else read from the file as it loads. */
  width?: number;
  height?: number;
  /** A poster frame served by either host, if one was kept. */
  posterPath?: string;
}

/** The picture's height at most: a 16:9 picture is then at most 569 px wide, and the critiques stay in view. */
const maxHeight = 'min(35vh, 320px)';
/** Until the file says its size: the shape of most cameras. */
const guessed = { width: 16, height: 9 };

export const fullscreenKey = 'V';

interface Props {
  title: string;
  width?: number;
  height?: number;
  posterPath?: string;
  videoRef: RefObject<HTMLVideoElement | null>;
  boxRef: RefObject<HTMLDivElement | null>;
  fullscreen: boolean;
  onToggleFullscreen(): void;
  onPlayPause(): void;
}

/** Memoized: the player renders on every tick of playback, the picture need not. */
export const VideoPicture = memo(function VideoPicture({
  title,
  width,
  height,
  posterPath,
  videoRef,
  boxRef,
  fullscreen,
  onToggleFullscreen,
  onPlayPause,
}: Props) {
  const { t } = useTranslation();
  const [read, setRead] = useState<{ width: number; height: number }>();
  const size = read ?? (width && height ? { width, height } : guessed);
  // Signed once: a URL signed anew on each render would load the poster again.
  const poster = useMemo(() => (posterPath ? mediaUrl(posterPath) : undefined), [posterPath]);
  const label = t(fullscreen ? 'library.exitFullscreen' : 'library.fullscreen');
  return (
    <div
      ref={boxRef}
      tabIndex={-1}
      data-testid="video-picture"
      style={{
        position: 'relative',
        background: 'black',
        outline: 'none',
        // In full screen the browser sizes the box to the screen; the video keeps its shape inside.
        ...(!fullscreen && {
          width: `min(100%, calc(${maxHeight} * ${size.width / size.height}))`,
          aspectRatio: `${size.width} / ${size.height}`,
          margin: '0 auto',
          borderRadius: 'var(--mantine-radius-sm)',
          overflow: 'hidden',
        }),
      }}
    >
      <video
        ref={videoRef}
        playsInline
        preload="auto"
        poster={poster}
        aria-label={t('library.picture', { title })}
        onClick={onPlayPause}
        onLoadedMetadata={(event) => {
          const { videoWidth, videoHeight } = event.currentTarget;
          if (videoWidth > 0 && videoHeight > 0) setRead({ width: videoWidth, height: videoHeight });
        }}
        // The box already has the picture's shape: cover leaves no sliver of black from rounding.
        style={{
          display: 'block',
          width: '100%',
          height: '100%',
          objectFit: fullscreen ? 'contain' : 'cover',
        }}
      />
      {/* Not in a portal: in full screen only the box is drawn, and the tooltip must be inside it. */}
      <Tooltip label={`${label} (${fullscreenKey})`} withinPortal={false}>
        <ActionIcon
          variant="filled"
          color="dark"
          aria-label={label}
          aria-keyshortcuts={fullscreenKey}
          onClick={onToggleFullscreen}
          style={{ position: 'absolute', right: 8, bottom: 8 }}
        >
          {fullscreen ? <IconMinimize size={18} /> : <IconMaximize size={18} />}
        </ActionIcon>
      </Tooltip>
    </div>
  );
});
