// Whether a video speech's picture has its first frame (HAVE_CURRENT_DATA), so work that would share
// the renderer's main thread with it can wait: the browser hands the frame over on that thread. Never
// longer than `giveUpMs`, so what waits still comes for a file whose picture does not load.
import { useEffect, useState } from 'react';
import type WaveSurfer from 'wavesurfer.js';

const haveCurrentData = 2;

export function usePictureShown(ws: WaveSurfer | null, isVideo: boolean, giveUpMs = 1_500): boolean {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    if (!ws || !isVideo || shown) return;
    const media = ws.getMediaElement();
    const done = () => setShown(true);
    const timer = setTimeout(done, media.readyState >= haveCurrentData ? 0 : giveUpMs);
    media.addEventListener('loadeddata', done, { once: true });
    media.addEventListener('error', done, { once: true });
    return () => {
      clearTimeout(timer);
      media.removeEventListener('loadeddata', done);
      media.removeEventListener('error', done);
    };
  }, [ws, isVideo, shown, giveUpMs]);
  return !isVideo || shown;
}
