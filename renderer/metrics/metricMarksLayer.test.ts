// @vitest-environment happy-dom
// The marks on the waveform: each where its pause or quiet stretch is, a click plays from its start
// (and not from where the click landed), and closing the player takes them all away.
import { describe, expect, it, vi } from 'vitest';
import { drawMetricMarks } from './metricMarksLayer';

const marks = [
  { kind: 'pause' as const, start: 30, end: 32.5, label: '从 0:30 的停顿开始播放（2.5 秒）' },
  { kind: 'pause' as const, start: 1800, end: 1804.2, label: '从 30:00 的停顿开始播放（4.2 秒）' },
  { kind: 'quiet' as const, start: 900, end: 960, label: '从 15:00 的过轻片段开始播放（60.0 秒）' },
];

function waveformWrapper() {
  const wrapper = document.createElement('div');
  const seekWhereClicked = vi.fn();
  wrapper.addEventListener('click', seekWhereClicked);
  document.body.append(wrapper);
  return { wrapper, seekWhereClicked };
}

describe('drawMetricMarks', () => {
  it('places each mark by its share of the speech, named by kind and order, saying what it is', () => {
    const { wrapper } = waveformWrapper();
    drawMetricMarks(wrapper, 3600, marks, () => undefined);
    const pause = wrapper.querySelector<HTMLElement>('[part~="metric-pause-1"]')!;
    expect(parseFloat(pause.style.left)).toBeCloseTo(50);
    expect(parseFloat(pause.style.width)).toBeCloseTo((4.2 / 3600) * 100);
    expect(pause.title).toBe('从 30:00 的停顿开始播放（4.2 秒）');
    const quiet = wrapper.querySelector<HTMLElement>('[part~="metric-quiet-0"]')!;
    expect(parseFloat(quiet.style.left)).toBeCloseTo(25);
    expect(wrapper.querySelectorAll('[part~="metric-mark"]')).toHaveLength(3);
  });

  it('plays from the start of the mark clicked, not from where the click landed', () => {
    const { wrapper, seekWhereClicked } = waveformWrapper();
    const onSeek = vi.fn();
    drawMetricMarks(wrapper, 3600, marks, onSeek);
    wrapper.querySelector<HTMLElement>('[part~="metric-pause-1"]')!.click();
    expect(onSeek).toHaveBeenCalledWith(1_800_000);
    expect(seekWhereClicked).not.toHaveBeenCalled();
    // A click elsewhere on the waveform is the player's.
    wrapper.click();
    expect(seekWhereClicked).toHaveBeenCalledTimes(1);
    expect(onSeek).toHaveBeenCalledTimes(1);
  });

  it('takes every mark away when the player closes', () => {
    const { wrapper } = waveformWrapper();
    const onSeek = vi.fn();
    const remove = drawMetricMarks(wrapper, 3600, marks, onSeek);
    const mark = wrapper.querySelector<HTMLElement>('[part~="metric-pause-0"]')!;
    remove();
    expect(wrapper.querySelector('[part~="metric-mark"]')).toBeNull();
    mark.click();
    expect(onSeek).not.toHaveBeenCalled();
  });
});
