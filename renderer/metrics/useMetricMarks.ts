// Marks a speech's long pauses and quiet stretches on the player's waveform once its metrics are in
// (see metricMarksLayer); a click on one plays from its start.
import { useEffect, useRef } from 'react';
import type WaveSurfer from 'wavesurfer.js';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { drawMetricMarks } from './metricMarksLayer';

export function useMetricMarks(
  ws: WaveSurfer | null,
  metrics: SpeechMetrics | null | undefined,
  onSeek: (ms: number) => void,
): void {
  const seek = useRef(onSeek);
  useEffect(() => {
    seek.current = onSeek;
  });

  useEffect(() => {
    if (!ws || !metrics) return;
    const marks = [
      ...metrics.pauses.long.map((s) => ({ ...s, kind: 'pause' as const })),
      ...metrics.loudness.quiet.map((s) => ({ ...s, kind: 'quiet' as const })),
    ];
    // The player's length, which the waveform spans (the metrics' own may differ by a frame).
    const duration = ws.getDuration() || metrics.durationSec;
    return drawMetricMarks(ws.getWrapper(), duration, marks, (ms) => seek.current(ms));
  }, [ws, metrics]);
}
