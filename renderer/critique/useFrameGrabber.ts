// The frame grabber of the recording open in the critique player: one per video recording, its file
// let go when the player closes; none for audio.
import { useEffect, useMemo } from 'react';
import { FrameGrabber } from './frameGrabber';

export function useFrameGrabber(mediaPath: string | undefined): FrameGrabber | null {
  // Cheap to make: it opens the file only when a picture not yet cached is asked for.
  const grabber = useMemo(() => (mediaPath ? new FrameGrabber(mediaPath) : null), [mediaPath]);
  useEffect(() => () => grabber?.close(), [grabber]);
  return grabber;
}
