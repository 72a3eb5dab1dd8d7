// @vitest-environment happy-dom
// The frame grabber keeps many notes cheap: one seek per time however many notes share it, one seek
// at a time, none for a note no longer shown, nothing drawn twice (the cache outlives the player).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FrameGrabber } from './frameGrabber';

vi.mock('../api/api', () => ({ mediaUrl: (path: string) => path }));

/**
 * A <video> that loads and seeks at once, as a test needs: it logs each seek. Its picture (`shownAt`)
 * follows a seek `frameLagMs` after `seeked`, as Chromium's sometimes does under load.
 */
class FakeVideo extends EventTarget {
  static made: FakeVideo[] = [];
  static frameLagMs = 0;
  /** The moment of the frame it would paint; NaN before its first. */
  shownAt = NaN;
  seeks: number[] = [];
  seeking = false;
  muted = false;
  preload = '';
  readyState = 0;
  videoWidth = 0;
  videoHeight = 0;
  duration = NaN;
  error: MediaError | null = null;
  private time = 0;
  constructor() {
    super();
    FakeVideo.made.push(this);
  }
  set src(_: string) {
    setTimeout(() => {
      Object.assign(this, { readyState: 1, videoWidth: 640, videoHeight: 360, duration: 12 });
      this.dispatchEvent(new Event('loadedmetadata'));
    });
  }
  get currentTime() {
    return this.time;
  }
  set currentTime(seconds: number) {
    this.time = seconds;
    this.seeks.push(seconds);
    this.seeking = true;
    setTimeout(() => {
      this.seeking = false;
      const show = () => (this.shownAt = seconds);
      if (FakeVideo.frameLagMs === 0) show();
      else setTimeout(show, FakeVideo.frameLagMs);
      this.dispatchEvent(new Event('seeked'));
    });
  }
  removeAttribute() {}
  load() {}
}

/** A canvas whose picture says which frame it was drawn from: one "colour" per whole second. */
function fakeCanvas(): HTMLCanvasElement {
  let drawnAt = NaN;
  const canvas = { width: 0, height: 0 } as Record<string, unknown>;
  const context = {
    canvas,
    clearRect: () => (drawnAt = NaN),
    drawImage: (video: FakeVideo) => (drawnAt = video.shownAt),
    getImageData: () => ({ data: Uint8ClampedArray.of(Number.isNaN(drawnAt) ? 255 : Math.floor(drawnAt)) }),
  };
  return Object.assign(canvas, {
    getContext: () => context,
    toDataURL: () => `data:image/jpeg;at=${drawnAt}`,
  }) as unknown as HTMLCanvasElement;
}

let path = 0;
beforeEach(() => {
  FakeVideo.made = [];
  const create = document.createElement.bind(document);
  vi.spyOn(document, 'createElement').mockImplementation(((tag: string) =>
    tag === 'video'
      ? (new FakeVideo() as unknown as HTMLVideoElement)
      : tag === 'canvas'
        ? fakeCanvas()
        : create(tag)) as typeof document.createElement);
  path++;
});
afterEach(() => {
  vi.restoreAllMocks();
  vi.useRealTimers();
  FakeVideo.frameLagMs = 0;
});

const drawn = (frames: FrameGrabber, ms: number) =>
  new Promise<string>((resolve) => frames.request(ms, resolve));

describe('FrameGrabber', () => {
  it('draws each time once, in turn, with one video for all notes', async () => {
    const frames = new FrameGrabber(`/blobs/${path}`);
    const got = await Promise.all([drawn(frames, 2_500), drawn(frames, 7_000), drawn(frames, 2_500)]);
    expect(got).toEqual(['data:image/jpeg;at=2.5', 'data:image/jpeg;at=7', 'data:image/jpeg;at=2.5']);
    expect(FakeVideo.made).toHaveLength(1);
    expect(FakeVideo.made[0]!.seeks).toEqual([2.5, 7]);
  });

  it('keeps what it drew for the next time the recording opens', async () => {
    const first = new FrameGrabber(`/blobs/${path}`);
    await drawn(first, 4_000);
    first.close();
    const again = new FrameGrabber(`/blobs/${path}`);
    expect(again.cached(4_000)).toBe('data:image/jpeg;at=4');
    const listener = vi.fn();
    again.request(4_000, listener);
    expect(listener).toHaveBeenCalledWith('data:image/jpeg;at=4'); // at once, no video made
    expect(FakeVideo.made).toHaveLength(1);
  });

  it('skips a time nobody waits for any more', async () => {
    const frames = new FrameGrabber(`/blobs/${path}`);
    const gone = vi.fn();
    const first = drawn(frames, 1_000);
    const stop = frames.request(5_000, gone);
    const last = drawn(frames, 9_000);
    stop();
    await Promise.all([first, last]);
    expect(gone).not.toHaveBeenCalled();
    expect(FakeVideo.made[0]!.seeks).toEqual([1, 9]);
  });

  it('stays short of the very end, where there is no frame to draw', async () => {
    const frames = new FrameGrabber(`/blobs/${path}`);
    await drawn(frames, 12_000);
    expect(FakeVideo.made[0]!.seeks[0]).toBeCloseTo(11.95);
  });

  it('waits for the sought frame when the video says it has landed before showing it', async () => {
    FakeVideo.frameLagMs = 60;
    const frames = new FrameGrabber(`/blobs/${path}`);
    expect(await drawn(frames, 4_500)).toBe('data:image/jpeg;at=4.5');
    expect(await drawn(frames, 8_200)).toBe('data:image/jpeg;at=8.2');
  });

  it('takes a moment that looks the same as the one before after a second, not never', async () => {
    vi.useFakeTimers();
    const frames = new FrameGrabber(`/blobs/${path}`);
    const first = drawn(frames, 4_200);
    await vi.advanceTimersByTimeAsync(10);
    expect(await first).toBe('data:image/jpeg;at=4.2');
    const got = vi.fn();
    frames.request(4_700, got); // the same second, so the same picture
    await vi.advanceTimersByTimeAsync(900);
    expect(got).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(got).toHaveBeenCalledWith('data:image/jpeg;at=4.7');
  });
});
