// A member's growth as series of points, one per speech, oldest first: each delivery metric
// (from SpeechMetrics), the duration against the target, the filler rate the Ah-Counters measured and
// the peers' evaluation averages; and the personal best of each series that has a better direction.
// Pure, so the charts, their tests and the coach's table read the same numbers.
import type { SpeechMetrics } from '../audio/metrics/speechMetrics';
import type { SpeechTarget } from '../audio/timerLights';
import type { FillerRatePoint } from '../critique/fillerCounts';
import type { AveragesPoint } from '../critique/memberAverages';

/** One speech as growth sees it; `metrics` null until (or unless) they were computed. */
export interface GrowthSpeech {
  id: string;
  title: string;
  /** When it was made: an ISO date-time or an HLC (both start with the ISO instant, so they sort). */
  at: string;
  durationMs: number;
  target?: SpeechTarget;
  metrics?: SpeechMetrics | null;
}

/** The overall evaluation average's series id. */
export const OVERALL = 'overall';

export interface GrowthPoint {
  id: string;
  title: string;
  at: string;
  /** Null where this speech has no value (not scored, not measured). */
  value: number | null;
}

export const metricSeriesIds = [
  'durationMin',
  'speakingPercent',
  'pausesPerMinute',
  'loudnessLufs',
  'pitchRangeSemitones',
  'syllablesPerSecond',
] as const;
export type MetricSeriesId = (typeof metricSeriesIds)[number];

export interface GrowthSeries {
  /** A metric id, 'fillersPerMinute', or an evaluation criterion (with 'overall'). */
  id: string;
  /** Which way is better, for personal bests; null where neither is (a rate, a loudness). */
  better: 'higher' | 'lower' | null;
  points: GrowthPoint[];
  /** Duration only: the target band of the latest speech that had one, in minutes. */
  band?: { low: number; high: number };
}

const oldestFirst = <T extends { at: string }>(list: readonly T[]) =>
  [...list].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));

const perMinute = (n: number, durationSec: number) => (durationSec > 0 ? (n * 60) / durationSec : null);

/** How each metric series reads its value off a speech's metrics. */
const metricValue: Record<Exclude<MetricSeriesId, 'durationMin'>, (m: SpeechMetrics) => number | null> = {
  speakingPercent: (m) => m.speakingTime.speakingRatio * 100,
  pausesPerMinute: (m) => perMinute(m.pauses.long.length, m.durationSec),
  loudnessLufs: (m) => m.loudness.integratedLufs,
  pitchRangeSemitones: (m) => m.pitch.rangeSemitones,
  syllablesPerSecond: (m) => m.speechRate.syllablesPerSecond,
};

const betterOf: Record<MetricSeriesId, GrowthSeries['better']> = {
  durationMin: null,
  speakingPercent: null,
  // Long pauses can be good (for effect) or not: no best. Pitch range: more variety reads livelier.
  pausesPerMinute: null,
  loudnessLufs: null,
  pitchRangeSemitones: 'higher',
  syllablesPerSecond: null,
};

/**
 * The series of each delivery metric over a member's speeches. Duration comes with the speech, the
 * rest from its metrics; a series where no speech has a value is left out.
 */
export function metricSeries(speeches: readonly GrowthSpeech[]): GrowthSeries[] {
  const ordered = oldestFirst(speeches);
  const point = (s: GrowthSpeech, value: number | null): GrowthPoint => ({
    id: s.id,
    title: s.title,
    at: s.at,
    value,
  });
  const out: GrowthSeries[] = [];
  const duration: GrowthSeries = {
    id: 'durationMin',
    better: betterOf.durationMin,
    points: ordered.map((s) => point(s, s.durationMs / 60_000)),
  };
  const target = ordered.findLast((s) => s.target)?.target;
  if (target) duration.band = { low: target.minSeconds / 60, high: target.maxSeconds / 60 };
  if (ordered.length) out.push(duration);
  for (const id of metricSeriesIds) {
    if (id === 'durationMin') continue;
    const points = ordered.map((s) => point(s, s.metrics ? metricValue[id](s.metrics) : null));
    if (points.some((p) => p.value !== null)) out.push({ id, better: betterOf[id], points });
  }
  return out;
}

/** The share (0–1) of speeches with a target that ended within it, or null when none had one. */
export function withinTargetShare(speeches: readonly GrowthSpeech[]): number | null {
  const timed = speeches.filter((s) => s.target);
  if (!timed.length) return null;
  const within = timed.filter((s) => {
    const sec = s.durationMs / 1000;
    return sec >= s.target!.minSeconds && sec <= s.target!.maxSeconds;
  });
  return within.length / timed.length;
}

/** The filler rate the Ah-Counters measured, one point per marked speech: lower is better. */
export function fillerRateSeries(points: readonly FillerRatePoint[]): GrowthSeries {
  return {
    id: 'fillersPerMinute',
    better: 'lower',
    points: oldestFirst(points.map((p) => ({ ...p, at: p.sharedAt }))).map((p) => ({
      id: p.recordingId,
      title: p.title,
      at: p.at,
      value: p.perMinute,
    })),
  };
}

/** The overall average first, then each criterion scored, sorted by `order` (see criteriaOrder). */
export function averagesSeries(
  points: readonly AveragesPoint[],
  order: (a: string, b: string) => number,
): GrowthSeries[] {
  const ordered = oldestFirst(points.map((p) => ({ ...p, at: p.sharedAt })));
  const criteria = [...new Set(ordered.flatMap((p) => Object.keys(p.averages)))].sort(order);
  const series = (id: string, value: (p: AveragesPoint) => number | null): GrowthSeries => ({
    id,
    better: 'higher',
    points: ordered.map((p) => ({ id: p.recordingId, title: p.title, at: p.at, value: value(p) })),
  });
  return [series(OVERALL, (p) => p.overall), ...criteria.map((c) => series(c, (p) => p.averages[c] ?? null))];
}

/** The best point of a series with a better direction (the earliest of equals), or null. */
export function personalBest(series: GrowthSeries): GrowthPoint | null {
  if (!series.better) return null;
  let best: GrowthPoint | null = null;
  for (const p of series.points) {
    if (p.value === null) continue;
    if (!best || (series.better === 'higher' ? p.value > best.value! : p.value < best.value!)) best = p;
  }
  return best;
}

/** First and last value of a series, for a one-line summary ("from 2.5 to 4 over 3 speeches"). */
export function seriesSpan(series: GrowthSeries): { first: number; last: number; count: number } | null {
  const values = series.points.flatMap((p) => (p.value === null ? [] : [p.value]));
  if (!values.length) return null;
  return { first: values[0]!, last: values.at(-1)!, count: values.length };
}
