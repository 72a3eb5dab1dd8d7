// Holds back work that would share a frame with something more urgent: true once `ready` has been
// true across one painted frame. The player shows its metrics so, after the waveform is on screen.
import { useEffect, useState } from 'react';

export function useAfterPaint(ready: boolean): boolean {
  const [painted, setPainted] = useState(false);
  useEffect(() => {
    if (!ready || painted) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    // A task queued from a frame's animation callback runs after that frame is painted.
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setPainted(true));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [ready, painted]);
  return ready && painted;
}
