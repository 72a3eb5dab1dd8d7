// Draws the Ah-Counter's marks on a speech's waveform as short ticks along its bottom edge, each
// with its word above it: one layer of plain elements placed in percent of the duration (so they
// follow zoom and scroll with the waveform), not a region apiece, since an hour may hold hundreds.
// The layer ignores the pointer, so dragging and clicking the waveform work through it.
import { useEffect } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type { FillerMark } from '../../shared/critique/fillerMarksSlice';

export const fillerTickColor = 'var(--mantine-color-grape-6)';

export function useFillerTicks(
  ws: WaveSurfer | null,
  marks: readonly FillerMark[],
  durationMs: number,
  label: string,
): void {
  useEffect(() => {
    if (!ws) return;
    const layer = document.createElement('div');
    layer.dataset.testid = 'filler-ticks';
    layer.setAttribute('role', 'img');
    layer.setAttribute('aria-label', label);
    // Over the waveform only, not the timeline drawn below it in the same wrapper.
    const waveHeight = typeof ws.options.height === 'number' ? `${ws.options.height}px` : '100%';
    Object.assign(layer.style, {
      position: 'absolute',
      left: '0',
      right: '0',
      top: '0',
      height: waveHeight,
      zIndex: '4',
      pointerEvents: 'none',
    });
    for (const mark of marks) {
      const tick = document.createElement('div');
      tick.dataset.testid = 'filler-tick';
      tick.dataset.atMs = String(mark.atMs);
      Object.assign(tick.style, {
        position: 'absolute',
        bottom: '0',
        left: `${(100 * Math.min(mark.atMs, durationMs)) / Math.max(durationMs, 1)}%`,
        height: '28%',
        borderLeft: `2px solid ${fillerTickColor}`,
      });
      if (mark.word) {
        const word = document.createElement('span');
        word.textContent = mark.word;
        Object.assign(word.style, {
          position: 'absolute',
          bottom: '100%',
          left: '-0.5em',
          font: '600 11px/1 var(--mantine-font-family)',
          color: fillerTickColor,
          whiteSpace: 'nowrap',
        });
        tick.append(word);
      }
      layer.append(tick);
    }
    ws.getWrapper().append(layer);
    return () => layer.remove();
  }, [ws, marks, durationMs, label]);
}
