// Chromium sets up its media pipeline in a window the first time that window loads a media file, and
// that first load costs 60–100 ms more than any later one: here a bare <video> of an hour-long speech
// showed its first frame in 113–181 ms as the window's first media, in 45–90 ms once a fifth of a
// second of silence had loaded before it (still so 30 s later). The member's first speech of the day
// should not pay for that: at start, once the window is idle, a muted element that is never played
// and never shown loads the silence from the app's own files, and is let go.

/** Served beside index.html by both hosts (renderer/public/). */
export const silenceFile = 'silence.webm';
/** A host that never answers must not keep the element alive. */
const giveUpMs = 10_000;

export interface WarmOptions {
  /** Runs the work when the window has nothing better to do (requestIdleCallback in the app). */
  whenIdle?: (work: () => void) => void;
  createMedia?: () => HTMLMediaElement;
  baseUrl?: string;
}

const idleCallback = (work: () => void) => requestIdleCallback(work, { timeout: 2_000 });

/** Loads the silence once, then lets it go; resolves when it has (loaded, failed or given up). */
export function warmMediaPipeline({
  whenIdle = idleCallback,
  createMedia = () => document.createElement('audio'),
  baseUrl = document.baseURI,
}: WarmOptions = {}): Promise<void> {
  return new Promise((resolve) => {
    whenIdle(() => {
      const media = createMedia();
      const release = () => {
        clearTimeout(timer);
        media.removeEventListener('loadeddata', release);
        media.removeEventListener('error', release);
        media.removeAttribute('src');
        media.load();
        resolve();
      };
      const timer = setTimeout(release, giveUpMs);
      media.addEventListener('loadeddata', release);
      media.addEventListener('error', release);
      media.muted = true;
      media.preload = 'auto';
      media.src = new URL(silenceFile, baseUrl).href;
    });
  });
}
