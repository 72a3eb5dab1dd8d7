// Work held back by useAfterPaint waits for a painted frame after it is ready, never longer.
import { renderHook, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { useAfterPaint } from './useAfterPaint';

describe('useAfterPaint', () => {
  it('stays false while not ready, and turns true only after a frame once ready', async () => {
    const frames: FrameRequestCallback[] = [];
    const realFrame = window.requestAnimationFrame;
    window.requestAnimationFrame = (callback) => frames.push(callback);
    try {
      const { result, rerender } = renderHook(({ ready }) => useAfterPaint(ready), {
        initialProps: { ready: false },
      });
      expect(frames).toHaveLength(0);
      rerender({ ready: true });
      expect(result.current).toBe(false);
      expect(frames).toHaveLength(1);
      frames[0]!(performance.now());
      await waitFor(() => expect(result.current).toBe(true));
    } finally {
      window.requestAnimationFrame = realFrame;
    }
  });
});
