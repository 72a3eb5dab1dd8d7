// Full screen for one element (a video's picture): whether it is full screen now, and a toggle. The
// browser's own Esc leaves it too, so the state follows `fullscreenchange` rather than the toggle.
import { useCallback, useEffect, useState, type RefObject } from 'react';

export function useFullscreen(element: RefObject<HTMLElement | null>): {
  fullscreen: boolean;
  toggle(): void;
} {
  const [fullscreen, setFullscreen] = useState(false);
  useEffect(() => {
    const follow = () => setFullscreen(!!element.current && document.fullscreenElement === element.current);
    document.addEventListener('fullscreenchange', follow);
    return () => document.removeEventListener('fullscreenchange', follow);
  }, [element]);
  const toggle = useCallback(() => {
    const target = element.current;
    if (!target) return;
    if (document.fullscreenElement === target) void document.exitFullscreen().catch(() => undefined);
    // Refused without a gesture the browser saw, or where full screen is not allowed: nothing to do.
    else
      void target.requestFullscreen?.().then(
        () => target.focus({ preventScroll: true }), // keys (Space, ← →, V) keep reaching the player
        () => undefined,
      );
  }, [element]);
  return { fullscreen, toggle };
}
