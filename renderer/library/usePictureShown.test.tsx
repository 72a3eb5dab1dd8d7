// The speech page's metrics wait for a video's first frame, and never longer than the give-up time.
import { act, renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type WaveSurfer from 'wavesurfer.js';
import { usePictureShown } from './usePictureShown';

function player(readyState = 0) {
  const media = document.createElement('video');
  Object.defineProperty(media, 'readyState', { value: readyState, configurable: true });
  return { media, ws: { getMediaElement: () => media } as unknown as WaveSurfer };
}

afterEach(() => vi.useRealTimers());

describe('usePictureShown', () => {
  it('is true for sound alone, and false for a video until its first frame is there', () => {
    const { media, ws } = player();
    expect(renderHook(() => usePictureShown(ws, false)).result.current).toBe(true);
    const { result } = renderHook(() => usePictureShown(ws, true));
    expect(result.current).toBe(false);
    act(() => void media.dispatchEvent(new Event('loadeddata')));
    expect(result.current).toBe(true);
  });

  it('gives up waiting after the give-up time, or at once when the frame was already there', () => {
    vi.useFakeTimers();
    const { ws } = player();
    const { result } = renderHook(() => usePictureShown(ws, true, 1_500));
    act(() => vi.advanceTimersByTime(1_499));
    expect(result.current).toBe(false);
    act(() => vi.advanceTimersByTime(1));
    expect(result.current).toBe(true);
    const loaded = renderHook(() => usePictureShown(player(2).ws, true));
    act(() => vi.advanceTimersByTime(0));
    expect(loaded.result.current).toBe(true);
  });
});
