// The coach's view of the group's growth: one row per member, with how many speeches they share, where
// their evaluation average and filler rate started and stand now (see growthSeries), and their delivery
// over their latest shared speeches (see deliveryTrends).
import type { MemberTrend } from '../api/critiqueContract';
import { deliveryTrends, type DeliveryTrends, type SharedSpeechMetrics } from './deliveryTrends';
import { averagesSeries, fillerRateSeries, OVERALL, seriesSpan } from './growthSeries';

export interface GroupTrendRow {
  member: string;
  speeches: number;
  /** Overall evaluation average: first and latest scored speech. */
  average: { first: number; last: number; count: number } | null;
  /** Fillers per minute: first and latest marked speech. */
  fillers: { first: number; last: number; count: number } | null;
  delivery: DeliveryTrends;
}

/** `metricsOf` gives the metrics shared with a recording (nothing where none were shared or loaded yet). */
export function groupTrendRows(
  trends: readonly MemberTrend[],
  metricsOf: (recordingId: string) => SharedSpeechMetrics | null | undefined,
): GroupTrendRow[] {
  return trends.map((t) => {
    const overall = averagesSeries(t.averages, () => 0).find((s) => s.id === OVERALL)!;
    return {
      member: t.member,
      speeches: t.speeches.length,
      average: seriesSpan(overall),
      fillers: seriesSpan(fillerRateSeries(t.fillers)),
      delivery: deliveryTrends(t.speeches, metricsOf),
    };
  });
}
