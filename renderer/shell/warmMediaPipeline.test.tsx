import { afterEach, describe, expect, it, vi } from 'vitest';
import { silenceFile, warmMediaPipeline } from './warmMediaPipeline';

afterEach(() => vi.useRealTimers());

/** The element the warm-up made, and whether it still holds a source. */
function start(whenIdle: (work: () => void) => void = (work) => work()) {
  let media: HTMLMediaElement | undefined;
  const done = warmMediaPipeline({
    whenIdle,
    baseUrl: 'http://127.0.0.1:5999/index.html',
    createMedia: () => {
      media = document.createElement('audio');
      vi.spyOn(media, 'load').mockImplementation(() => undefined);
      return media;
    },
  });
  return { done, media: () => media };
}

describe('warmMediaPipeline', () => {
  it('waits for the window to be idle before making anything', () => {
    const idle: (() => void)[] = [];
    const { media } = start((work) => idle.push(work));
    expect(media()).toBeUndefined();
    idle[0]!();
    expect(media()?.getAttribute('src')).toBe(`http://127.0.0.1:5999/${silenceFile}`);
  });

  it('loads the app’s silence muted, out of the page, and lets it go once it has loaded', async () => {
    const { done, media } = start();
    const element = media()!;
    expect(element.muted).toBe(true);
    expect(element.preload).toBe('auto');
    expect(element.isConnected).toBe(false);
    element.dispatchEvent(new Event('loadeddata'));
    await done;
    expect(element.hasAttribute('src')).toBe(false);
    expect(element.load).toHaveBeenCalledTimes(1);
  });

  it('lets it go when the file fails to load, or never answers', async () => {
    const failed = start();
    failed.media()!.dispatchEvent(new Event('error'));
    await failed.done;
    expect(failed.media()!.hasAttribute('src')).toBe(false);

    vi.useFakeTimers();
    const silent = start();
    await vi.advanceTimersByTimeAsync(9_999);
    expect(silent.media()!.hasAttribute('src')).toBe(true);
    await vi.advanceTimersByTimeAsync(1);
    await silent.done;
    expect(silent.media()!.hasAttribute('src')).toBe(false);
  });
});
