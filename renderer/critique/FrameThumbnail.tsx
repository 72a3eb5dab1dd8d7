// The frame of a video recording at a critique's moment, beside its time in the list: what the
// speaker's face and hands were doing when the comment was made. Drawn by the recording's one
// FrameGrabber; nothing is shown until the picture is there.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { formatClock } from '../shell/formatDuration';
import type { FrameGrabber } from './frameGrabber';

export function FrameThumbnail({
  frames,
  atMs,
  onClick,
  testId = 'frame-thumbnail',
}: {
  frames: FrameGrabber;
  atMs: number;
  /** Absent: a picture to look at only (the one over a marker). */
  onClick?(): void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const [drawn, setDrawn] = useState<{ frames: FrameGrabber; atMs: number; url: string }>();
  useEffect(
    () => (frames.cached(atMs) ? undefined : frames.request(atMs, (url) => setDrawn({ frames, atMs, url }))),
    [frames, atMs],
  );
  // A picture drawn for another moment (the comment was moved) is not this one's.
  const url = drawn?.frames === frames && drawn.atMs === atMs ? drawn.url : frames.cached(atMs);
  if (!url) return null;
  return (
    <img
      src={url}
      alt={t('critique.frameAt', { time: formatClock(atMs) })}
      data-testid={testId}
      data-at-ms={atMs}
      onClick={onClick}
      style={{
        display: 'block',
        borderRadius: 4,
        cursor: onClick ? 'pointer' : undefined,
        background: 'black',
      }}
    />
  );
}
