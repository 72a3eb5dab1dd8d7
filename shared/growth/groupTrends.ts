// The coach's view of the group's growth: one row per member, with how many speeches they share, and
// where their evaluation average and filler rate started and stand now (see growthSeries).
import type { MemberTrend } from '../api/critiqueContract';
import { averagesSeries, fillerRateSeries, OVERALL, seriesSpan } from './growthSeries';

export interface GroupTrendRow {
  member: string;
  speeches: number;
  /** Overall evaluation average: first and latest scored speech. */
  average: { first: number; last: number; count: number } | null;
  /** Fillers per minute: first and latest marked speech. */
  fillers: { first: number; last: number; count: number } | null;
}

export function groupTrendRows(trends: readonly MemberTrend[]): GroupTrendRow[] {
  return trends.map((t) => {
    const overall = averagesSeries(t.averages, () => 0).find((s) => s.id === OVERALL)!;
    return {
      member: t.member,
      speeches: t.speeches.length,
      average: seriesSpan(overall),
      fillers: seriesSpan(fillerRateSeries(t.fillers)),
    };
  });
}
