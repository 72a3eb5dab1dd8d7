// Marks a speech's long pauses and quiet stretches on the player's waveform once its metrics are in
// (see metricMarksLayer); a click on one plays from its start.
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type WaveSurfer from 'wavesurfer.js';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { formatClock } from '../shell/formatDuration';
import { drawMetricMarks, type MetricMark } from './metricMarksLayer';

export function useMetricMarks(
  ws: WaveSurfer | null,
  metrics: SpeechMetrics | null | undefined,
  onSeek: (ms: number) => void,
): void {
  const { t } = useTranslation();
  const seek = useRef(onSeek);
  useEffect(() => {
    seek.current = onSeek;
  });

  useEffect(() => {
    if (!ws || !metrics) return;
    const mark = (kind: MetricMark['kind'], { start, end }: { start: number; end: number }): MetricMark => ({
      kind,
      start,
      end,
      label: t(kind === 'pause' ? 'speechMetrics.panel.seekPause' : 'speechMetrics.panel.seekQuiet', {
        time: formatClock(start * 1000),
        length: (end - start).toFixed(1),
      }),
    });
    const marks = [
      ...metrics.pauses.long.map((s) => mark('pause', s)),
      ...metrics.loudness.quiet.map((s) => mark('quiet', s)),
    ];
    // The player's length, which the waveform spans (the metrics' own may differ by a frame).
    const duration = ws.getDuration() || metrics.durationSec;
    return drawMetricMarks(ws.getWrapper(), duration, marks, (ms) => seek.current(ms));
  }, [ws, metrics, t]);
}
