// Over a video's waveform, the frame at the comment marker the pointer rests on: what the speaker was
// doing at that moment, without playing there. Drawn into the waveform's own layer (so it follows zoom
// and scroll), by the recording's one FrameGrabber, and never in the pointer's way.
import { useEffect, useState } from 'react';
import { createPortal } from 'react-dom';
import type WaveSurfer from 'wavesurfer.js';
import type { FrameGrabber } from './frameGrabber';
import { FrameThumbnail } from './FrameThumbnail';
import { nearestMarker } from './nearestMarker';

export function MarkerFrame({
  ws,
  frames,
  moments,
  durationMs,
}: {
  ws: WaveSurfer | null;
  frames: FrameGrabber;
  /** The moments (ms) of the comments marked on the waveform. */
  moments: readonly number[];
  durationMs: number;
}) {
  const [atMs, setAtMs] = useState<number | null>(null);
  useEffect(() => {
    if (!ws) return;
    const wrapper = ws.getWrapper();
    const move = (event: PointerEvent) => {
      const { left, width } = wrapper.getBoundingClientRect();
      setAtMs(nearestMarker(moments, event.clientX - left, width, durationMs));
    };
    const leave = () => setAtMs(null);
    wrapper.addEventListener('pointermove', move);
    wrapper.addEventListener('pointerleave', leave);
    return () => {
      wrapper.removeEventListener('pointermove', move);
      wrapper.removeEventListener('pointerleave', leave);
    };
  }, [ws, moments, durationMs]);

  if (!ws || atMs === null) return null;
  const percent = (100 * Math.min(atMs, durationMs)) / Math.max(durationMs, 1);
  return createPortal(
    <div
      data-testid="marker-frame"
      style={{
        position: 'absolute',
        top: 4,
        left: `${percent}%`,
        // Beside the marker, on whichever side has room.
        transform: percent > 50 ? 'translateX(calc(-100% - 6px))' : 'translateX(6px)',
        zIndex: 6,
        pointerEvents: 'none',
        boxShadow: '0 1px 4px rgba(0, 0, 0, 0.5)',
        borderRadius: 4,
      }}
    >
      <FrameThumbnail frames={frames} atMs={atMs} testId="marker-frame-picture" />
    </div>,
    ws.getWrapper(),
  );
}
