// A speech's long pauses and too-quiet stretches drawn on its waveform: one layer in wavesurfer's
// wrapper, one plain element per mark placed by percentage, one click listener for all of them. Not the
// Regions plugin: its regions can be dragged and resized, so each one listens to the pointer and to the
// player, and each is measured as it is added — a forced layout per region, which made the hour-long
// speech's 159 pauses a long task and a few megabytes, and a speech may list thousands.
import { metricMarkColors } from './metricMarks';

export interface MetricMark {
  kind: 'pause' | 'quiet';
  /** Seconds. */
  start: number;
  end: number;
  /** Shown when the pointer rests on it: what it is and that a click plays from it. */
  label: string;
}

/**
 * Draws `marks` over the waveform in `wrapper` (wavesurfer's, which is as wide as the whole speech);
 * a click on one calls `onSeek` with its start in ms. Returns how to take them away.
 */
export function drawMetricMarks(
  wrapper: HTMLElement,
  durationSec: number,
  marks: readonly MetricMark[],
  onSeek: (ms: number) => void,
): () => void {
  const layer = document.createElement('div');
  layer.setAttribute('part', 'metric-marks');
  // Under the critiques' regions (z-index 5), so their markers stay the ones a click finds.
  layer.style.cssText = 'position:absolute;inset:0;z-index:4;pointer-events:none';
  const counts = { pause: 0, quiet: 0 };
  for (const mark of marks) {
    const element = document.createElement('div');
    element.setAttribute('part', `metric-mark metric-${mark.kind}-${counts[mark.kind]++}`);
    element.dataset.startMs = String(Math.round(mark.start * 1000));
    element.title = mark.label;
    const left = (mark.start / durationSec) * 100;
    const width = ((mark.end - mark.start) / durationSec) * 100;
    element.style.cssText =
      `position:absolute;top:0;bottom:0;left:${left}%;width:${width}%;min-width:1px;` +
      `background:${metricMarkColors[mark.kind]};pointer-events:auto;cursor:pointer`;
    layer.append(element);
  }
  const onClick = (event: MouseEvent) => {
    const startMs = (event.target as HTMLElement).dataset.startMs;
    if (startMs === undefined) return;
    event.stopPropagation(); // play from the mark's start, not from where the click landed
    onSeek(Number(startMs));
  };
  layer.addEventListener('click', onClick);
  wrapper.append(layer);
  return () => {
    layer.removeEventListener('click', onClick);
    layer.remove();
  };
}
