// Growth as series: one point per speech, oldest first, a gap where a speech has no value, and the
// personal best of the series that have a better direction.
import { describe, expect, it } from 'vitest';
import type { SpeechMetrics } from '../audio/metrics/speechMetrics';
import { criteriaOrder } from '../critique/criteria';
import { groupTrendRows } from './groupTrends';
import {
  averagesSeries,
  fillerRateSeries,
  metricSeries,
  personalBest,
  seriesSpan,
  withinTargetShare,
} from './growthSeries';
import type { GrowthSpeech } from './growthSeries';

function metrics(over: { rate: number; range: number | null; ratio: number; pauses: number }): SpeechMetrics {
  return {
    version: 1,
    durationSec: 120,
    speakingTime: { speakingSec: 120 * over.ratio, speakingRatio: over.ratio, silenceRatio: 1 - over.ratio },
    pauses: {
      count: over.pauses + 10,
      longestSec: 3,
      totalSec: 20,
      long: Array.from({ length: over.pauses }, (_, i) => ({ start: i * 10, end: i * 10 + 2.5 })),
    },
    loudness: { integratedLufs: -20, rangeLu: 6, quiet: [] },
    pitch: { medianHz: 180, rangeSemitones: over.range, sdSemitones: 2, voicedSec: 60 },
    speechRate: { syllables: 400, syllablesPerSecond: over.rate, articulationRate: 4, uncertainty: 0.3 },
  };
}

const target = { minSeconds: 300, maxSeconds: 420 };
const speeches: GrowthSpeech[] = [
  // Listed out of order: the series sort them.
  { id: 'c', title: '第三周', at: '2026-01-19T10:00:00.000Z', durationMs: 400_000, target, metrics: null },
  {
    id: 'a',
    title: '破冰',
    at: '2026-01-05T10:00:00.000Z',
    durationMs: 240_000,
    target,
    metrics: metrics({ rate: 3.1, range: 3.5, ratio: 0.7, pauses: 4 }),
  },
  {
    id: 'b',
    title: 'Week 2',
    at: '2026-01-12T10:00:00.000Z',
    durationMs: 360_000,
    metrics: metrics({ rate: 3.6, range: 7.2, ratio: 0.8, pauses: 2 }),
  },
];

describe('growth series', () => {
  it('gives each metric a point per speech, oldest first, with a gap where it was not measured', () => {
    const series = metricSeries(speeches);
    expect(series.map((s) => s.id)).toEqual([
      'durationMin',
      'speakingPercent',
      'pausesPerMinute',
      'loudnessLufs',
      'pitchRangeSemitones',
      'syllablesPerSecond',
    ]);
    const byId = Object.fromEntries(series.map((s) => [s.id, s]));
    expect(byId.durationMin!.points.map((p) => [p.id, p.value])).toEqual([
      ['a', 4],
      ['b', 6],
      ['c', 400 / 60],
    ]);
    expect(byId.durationMin!.band).toEqual({ low: 5, high: 7 });
    expect(byId.syllablesPerSecond!.points.map((p) => p.value)).toEqual([3.1, 3.6, null]);
    expect(byId.pausesPerMinute!.points.map((p) => p.value)).toEqual([2, 1, null]);
    expect(byId.speakingPercent!.points.map((p) => p.value)).toEqual([70, 80, null]);
  });

  it('leaves out the metrics no speech has yet, keeping the duration', () => {
    expect(metricSeries(speeches.map((s) => ({ ...s, metrics: null }))).map((s) => s.id)).toEqual([
      'durationMin',
    ]);
    expect(metricSeries([])).toEqual([]);
  });

  it('finds personal bests only where better has a direction', () => {
    const byId = Object.fromEntries(metricSeries(speeches).map((s) => [s.id, s]));
    expect(personalBest(byId.pitchRangeSemitones!)?.id).toBe('b');
    expect(personalBest(byId.syllablesPerSecond!)).toBeNull();
    const fillers = fillerRateSeries([
      { recordingId: 'r2', title: 'Week 2', sharedAt: '2026-01-12', perMinute: 2.5, counters: 1 },
      { recordingId: 'r1', title: '破冰', sharedAt: '2026-01-05', perMinute: 6, counters: 2 },
      { recordingId: 'r3', title: '第三周', sharedAt: '2026-01-19', perMinute: 3, counters: 1 },
    ]);
    expect(fillers.points.map((p) => p.id)).toEqual(['r1', 'r2', 'r3']);
    expect(personalBest(fillers)?.id).toBe('r2'); // fewest fillers per minute
    expect(seriesSpan(fillers)).toEqual({ first: 6, last: 3, count: 3 });
  });

  it('counts the speeches that ended within their target', () => {
    // a: 4 min, short of 5–7; c: 6:40, within; b has no target.
    expect(withinTargetShare(speeches)).toBe(0.5);
    expect(withinTargetShare([speeches[1]!].map((s) => ({ ...s, target: undefined })))).toBeNull();
  });

  it('puts the overall average first, then the criteria in the speech’s order', () => {
    const series = averagesSeries(
      [
        {
          recordingId: 'r1',
          title: '破冰',
          sharedAt: 'a',
          evaluations: 2,
          averages: { clarity: 2.5 },
          overall: 2.5,
        },
        {
          recordingId: 'r2',
          title: 'Week 2',
          sharedAt: 'b',
          evaluations: 1,
          averages: { clarity: 5, pacing: 4 },
          overall: 4.5,
        },
      ],
      criteriaOrder(['pacing', 'clarity']),
    );
    expect(series.map((s) => [s.id, s.points.map((p) => p.value)])).toEqual([
      ['overall', [2.5, 4.5]],
      ['pacing', [null, 4]],
      ['clarity', [2.5, 5]],
    ]);
  });

  it('gives the coach a row per member: speeches, and where average and filler rate started and stand', () => {
    const rows = groupTrendRows(
      [
        {
          member: 'ana',
          averages: [
            { recordingId: 'r1', title: 'x', sharedAt: 'a', evaluations: 1, averages: {}, overall: 3 },
            { recordingId: 'r2', title: 'y', sharedAt: 'b', evaluations: 1, averages: {}, overall: 4 },
          ],
          fillers: [{ recordingId: 'r1', title: 'x', sharedAt: 'a', perMinute: 5, counters: 1 }],
          speeches: [
            { recordingId: 'r1', title: 'x', sharedAt: 'a', durationMs: 1 },
            { recordingId: 'r2', title: 'y', sharedAt: 'b', durationMs: 1 },
          ],
        },
        { member: 'bo', averages: [], fillers: [], speeches: [] },
      ],
      () => null,
    );
    expect(rows).toEqual([
      {
        member: 'ana',
        speeches: 2,
        average: { first: 3, last: 4, count: 2 },
        fillers: { first: 5, last: 5, count: 1 },
        delivery: {},
      },
      { member: 'bo', speeches: 0, average: null, fillers: null, delivery: {} },
    ]);
  });
});
