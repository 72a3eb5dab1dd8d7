// Small pictures of a video recording's frames, for the critiques at its moments. One off-screen
// <video> and one canvas per open recording seek to each wanted time in turn, so a hundred notes cost
// one decoder and one connection, not a hundred; the pictures stay in memory by recording and time,
// so opening the recording again draws nothing twice.
import { mediaUrl } from '../api/api';

/** The largest picture: a 16:9 frame fills it, a phone's upright one is as tall and narrower. */
export const thumbnailBox = { width: 96, height: 54 };
/** A seek that has not landed by then is given up (a damaged file, a folder gone away). */
const seekTimeoutMs = 5_000;
/**
 * Chromium may fire `seeked` before the sought frame reaches the element (its media threads race; seen
 * under load in CI), and a picture drawn then is the frame before the seek. A picture identical to
 * that one is drawn again until it changes, for at most this long: some moments truly look the same.
 */
const staleFrameWaitMs = 1_000;
const staleFrameRetryMs = 25;
/** About 3 kB each: a season of critiques fits in a few megabytes. */
const maxCached = 2_000;

/** HTMLMediaElement.HAVE_METADATA: the size and length are known. */
const haveMetadata = 1;

/** `${mediaPath}@${ms}` → a JPEG data: URL; oldest first, so the oldest go when it is full. */
const cache = new Map<string, string>();

function keep(key: string, url: string): void {
  cache.set(key, url);
  if (cache.size > maxCached) cache.delete(cache.keys().next().value!);
}

type Listener = (url: string) => void;

export class FrameGrabber {
  private video: HTMLVideoElement | undefined;
  private canvas: HTMLCanvasElement | undefined;
  /** Times waiting to be drawn, in the order asked, each with who wants it. */
  private readonly wanted = new Map<number, Set<Listener>>();
  private running = false;

  /** `mediaPath`: the recording's media path on either host (see `mediaUrl`). */
  constructor(private readonly mediaPath: string) {}

  /** The picture at `ms`, if it was drawn already. */
  cached(ms: number): string | undefined {
    return cache.get(this.key(ms));
  }

  /** Asks for the picture at `ms`; `onFrame` gets it once drawn. Returns how to stop waiting. */
  request(ms: number, onFrame: Listener): () => void {
    const ready = this.cached(ms);
    if (ready) {
      onFrame(ready);
      return () => undefined;
    }
    const listeners = this.wanted.get(ms) ?? new Set<Listener>();
    listeners.add(onFrame);
    this.wanted.set(ms, listeners);
    void this.run();
    return () => {
      listeners.delete(onFrame);
      // Nobody waits for it any more (its note scrolled out of the list): not worth a seek.
      if (listeners.size === 0 && this.wanted.get(ms) === listeners) this.wanted.delete(ms);
    };
  }

  /** Stops drawing and lets go of the file; what was drawn stays cached. A later request opens it again. */
  close(): void {
    this.wanted.clear();
    if (this.video) {
      this.video.removeAttribute('src');
      this.video.load();
      this.video = undefined;
    }
  }

  private key(ms: number): string {
    return `${this.mediaPath}@${ms}`;
  }

  private async run(): Promise<void> {
    if (this.running) return;
    this.running = true;
    try {
      while (this.wanted.size > 0) {
        const ms = this.wanted.keys().next().value!;
        const url = await this.draw(ms).catch(() => undefined);
        // Whoever waits now (the queue may have been closed, or asked again, meanwhile).
        const listeners = this.wanted.get(ms);
        this.wanted.delete(ms);
        if (!url) continue; // no picture for that note; the others may still have one
        keep(this.key(ms), url);
        for (const listener of listeners ?? []) listener(url);
      }
    } finally {
      this.running = false;
    }
  }

  private async draw(ms: number): Promise<string | undefined> {
    const video = await this.opened();
    if (!video) return undefined;
    const end = Number.isFinite(video.duration) ? video.duration : Infinity;
    // The last instant of a file has no frame to show: step back a little from the very end.
    const seconds = Math.max(0, Math.min(ms / 1000, end - 0.05));
    const context = this.context(video);
    const before = this.paint(context, video);
    if (!(await this.seek(video, seconds))) return undefined;
    const giveUpAt = performance.now() + staleFrameWaitMs;
    while (samePixels(this.paint(context, video), before) && performance.now() < giveUpAt)
      await new Promise((resolve) => setTimeout(resolve, staleFrameRetryMs));
    return context.canvas.toDataURL('image/jpeg', 0.8);
  }

  /** The canvas, sized to the thumbnail box at the video's shape. */
  private context(video: HTMLVideoElement): CanvasRenderingContext2D {
    const scale = Math.min(thumbnailBox.width / video.videoWidth, thumbnailBox.height / video.videoHeight);
    const canvas = (this.canvas ??= document.createElement('canvas'));
    canvas.width = Math.max(1, Math.round(video.videoWidth * scale));
    canvas.height = Math.max(1, Math.round(video.videoHeight * scale));
    return canvas.getContext('2d', { willReadFrequently: true })!;
  }

  /** Draws the frame the element shows now (nothing, before its first) and returns the pixels. */
  private paint(context: CanvasRenderingContext2D, video: HTMLVideoElement): Uint8ClampedArray {
    const { width, height } = context.canvas;
    context.clearRect(0, 0, width, height);
    context.drawImage(video, 0, 0, width, height);
    return context.getImageData(0, 0, width, height).data;
  }

  /** The off-screen video, made on the first picture not in the cache, once it has a frame to draw. */
  private opened(): Promise<HTMLVideoElement | undefined> {
    if (!this.video) {
      this.video = document.createElement('video');
      this.video.muted = true;
      this.video.preload = 'auto';
      this.video.src = mediaUrl(this.mediaPath);
    }
    const video = this.video;
    if (video.error) return Promise.resolve(undefined); // unreadable: no note waits for it again
    if (video.readyState >= haveMetadata && video.videoWidth > 0) return Promise.resolve(video);
    return this.settled(video, 'loadedmetadata').then((ok) =>
      ok && video.videoWidth > 0 ? video : undefined,
    );
  }

  private seek(video: HTMLVideoElement, seconds: number): Promise<boolean> {
    const landed = this.settled(video, 'seeked');
    video.currentTime = seconds;
    return landed;
  }

  /** True when `event` fires; false on an error, when the file is let go (close), or after seekTimeoutMs. */
  private settled(video: HTMLVideoElement, event: 'seeked' | 'loadedmetadata'): Promise<boolean> {
    return new Promise((resolve) => {
      const done = (ok: boolean) => {
        clearTimeout(timer);
        video.removeEventListener(event, onEvent);
        video.removeEventListener('error', onError);
        video.removeEventListener('emptied', onError);
        resolve(ok);
      };
      const onEvent = () => done(true);
      const onError = () => done(false);
      const timer = setTimeout(() => done(false), seekTimeoutMs);
      video.addEventListener(event, onEvent);
      video.addEventListener('error', onError);
      video.addEventListener('emptied', onError);
    });
  }
}

function samePixels(a: Uint8ClampedArray, b: Uint8ClampedArray): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}
