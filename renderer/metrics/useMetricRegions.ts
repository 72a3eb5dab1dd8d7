// Marks a speech's long pauses and too-quiet stretches on its waveform (the wavesurfer.js Regions
// plugin, an instance of its own beside the critiques'); a click on one plays from its start.
import { useEffect, useRef } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import RegionsPlugin from 'wavesurfer.js/dist/plugins/regions.esm.js';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { metricMarkColors } from './metricMarks';

const PREFIX = 'metric-';

export function useMetricRegions(
  ws: WaveSurfer | null,
  metrics: SpeechMetrics | null | undefined,
  onSeek: (ms: number) => void,
): void {
  const seek = useRef(onSeek);
  useEffect(() => {
    seek.current = onSeek;
  });

  useEffect(() => {
    // Registered once the metrics are in, after the player's own plugins: the critique markers look
    // for the first regions container, which stays theirs.
    if (!ws || !metrics) return;
    const regions = ws.registerPlugin(RegionsPlugin.create());
    const marks = [
      ...metrics.pauses.long.map((s, i) => ({
        ...s,
        id: `${PREFIX}pause-${i}`,
        color: metricMarkColors.pause,
      })),
      ...metrics.loudness.quiet.map((s, i) => ({
        ...s,
        id: `${PREFIX}quiet-${i}`,
        color: metricMarkColors.quiet,
      })),
    ];
    for (const mark of marks) regions.addRegion({ ...mark, drag: false, resize: false });
    const off = regions.on('region-clicked', (region, event) => {
      if (!region.id.startsWith(PREFIX)) return;
      event.stopPropagation(); // play from the mark's start, not from where the click landed
      seek.current(Math.round(region.start * 1000));
    });
    return () => {
      off();
      regions.destroy();
    };
  }, [ws, metrics]);
}
