// The coach's delivery trends per member: the latest value and the change over their latest shared
// speeches, a Chinese speech's rate in characters a minute and any other's in syllables a second, never
// mixed in one trend.
import { describe, expect, it } from 'vitest';
import type { SpeechMetrics } from '../audio/metrics/speechMetrics';
import type { SpeechLanguage } from '../domain/speech';
import {
  deliveryTrends,
  recentSpeechCount,
  recentSpeeches,
  type SharedSpeechMetrics,
} from './deliveryTrends';

function shared(
  language: SpeechLanguage,
  m: { rate: number | null; ratio: number; range: number | null; lufs: number | null },
): SharedSpeechMetrics {
  const metrics: SpeechMetrics = {
    version: 1,
    durationSec: 300,
    speakingTime: { speakingSec: 300 * m.ratio, speakingRatio: m.ratio, silenceRatio: 1 - m.ratio },
    pauses: { count: 12, longestSec: 2.5, totalSec: 40, long: [] },
    loudness: { integratedLufs: m.lufs, rangeLu: 6, quiet: [] },
    pitch: { medianHz: 190, rangeSemitones: m.range, sdSemitones: 2, voicedSec: 150 },
    speechRate: { syllables: 900, syllablesPerSecond: m.rate, articulationRate: 4, uncertainty: 0.3 },
  };
  return { language, metrics };
}

/** Speeches shared a week apart, in the order given, with their metrics (or none shared). */
function member(list: (SharedSpeechMetrics | null)[]) {
  const speeches = list.map((_, i) => ({
    recordingId: `r${i}`,
    sharedAt: `2026-0${1 + Math.floor(i / 4)}-${String(1 + (i % 4) * 7).padStart(2, '0')}T10:00:00.000Z`,
  }));
  const byId = new Map(list.map((m, i) => [`r${i}`, m]));
  return { speeches, metricsOf: (id: string) => byId.get(id) };
}

describe('delivery trends', () => {
  it('reads a Chinese speaker’s rate in characters a minute, with the change since the first of the window', () => {
    const { speeches, metricsOf } = member([
      shared('zh', { rate: 3.5, ratio: 0.7, range: 4, lufs: -24 }),
      shared('zh', { rate: 3.8, ratio: 0.75, range: 5.5, lufs: -22 }),
      shared('zh', { rate: 4, ratio: 0.8, range: 7, lufs: -20.5 }),
    ]);
    const trends = deliveryTrends(speeches, metricsOf);
    expect(trends.speechRate).toEqual({
      unit: 'charactersPerMinute',
      values: [210, 228, 240],
      last: 240,
      change: 30,
    });
    expect(trends.speakingPercent?.values).toEqual([70, 75, 80]);
    expect(trends.speakingPercent?.change).toBeCloseTo(10);
    expect(trends.pitchRangeSemitones).toMatchObject({ unit: 'semitones', last: 7, change: 3 });
    expect(trends.loudnessLufs).toMatchObject({ unit: 'lufs', last: -20.5, change: 3.5 });
  });

  it('keeps the rate to the unit of the latest speech: an English speech after Chinese ones starts afresh', () => {
    const { speeches, metricsOf } = member([
      shared('zh', { rate: 3.5, ratio: 0.7, range: 4, lufs: -24 }),
      shared('zh', { rate: 3.6, ratio: 0.72, range: 4, lufs: -24 }),
      shared('en', { rate: 3.2, ratio: 0.78, range: 6, lufs: -23 }),
    ]);
    const trends = deliveryTrends(speeches, metricsOf);
    // 3.2 syllables a second is not "down 16 from 216 字/分钟": only the one English speech counts.
    expect(trends.speechRate).toEqual({ unit: 'syllablesPerSecond', values: [3.2], last: 3.2, change: null });
    // Every other metric reads the same in any language: all three speeches count.
    expect(trends.speakingPercent?.values).toHaveLength(3);

    const back = member([
      shared('en', { rate: 3.2, ratio: 0.78, range: 6, lufs: -23 }),
      shared('zh', { rate: 3.5, ratio: 0.7, range: 4, lufs: -24 }),
      shared('other', { rate: 4.1, ratio: 0.7, range: 4, lufs: -24 }),
      shared('zh', { rate: 3.9, ratio: 0.7, range: 4, lufs: -24 }),
    ]);
    expect(deliveryTrends(back.speeches, back.metricsOf).speechRate).toEqual({
      unit: 'charactersPerMinute',
      values: [210, 234],
      last: 234,
      change: 24,
    });
  });

  it('reads a speech in another language in syllables a second, like English', () => {
    const { speeches, metricsOf } = member([
      shared('other', { rate: 4.4, ratio: 0.7, range: 5, lufs: -21 }),
      shared('en', { rate: 4, ratio: 0.7, range: 5, lufs: -21 }),
    ]);
    const rate = deliveryTrends(speeches, metricsOf).speechRate!;
    expect(rate.unit).toBe('syllablesPerSecond');
    expect(rate.values).toEqual([4.4, 4]);
    expect(rate.change).toBeCloseTo(-0.4);
  });

  it('covers only the latest speeches, whatever order they come in', () => {
    const rates = [3, 3.1, 3.2, 3.3, 3.4, 3.5, 3.6];
    const { speeches, metricsOf } = member(
      rates.map((rate) => shared('en', { rate, ratio: 0.7, range: 5, lufs: -21 })),
    );
    const shuffled = [
      speeches[4]!,
      speeches[0]!,
      speeches[6]!,
      speeches[2]!,
      speeches[1]!,
      speeches[5]!,
      speeches[3]!,
    ];
    expect(recentSpeeches(shuffled).map((s) => s.recordingId)).toEqual(['r2', 'r3', 'r4', 'r5', 'r6']);
    const rate = deliveryTrends(shuffled, metricsOf).speechRate!;
    expect(rate.values).toEqual(rates.slice(-recentSpeechCount));
    expect(rate.change).toBeCloseTo(0.4);
  });

  it('skips speeches shared without metrics and values not measured, and leaves out what none measured', () => {
    const { speeches, metricsOf } = member([
      shared('zh', { rate: 3.5, ratio: 0.7, range: null, lufs: null }),
      null,
      shared('zh', { rate: null, ratio: 0.6, range: null, lufs: null }),
    ]);
    const trends = deliveryTrends(speeches, metricsOf);
    expect(Object.keys(trends).sort()).toEqual(['speakingPercent', 'speechRate']);
    expect(trends.speechRate).toEqual({
      unit: 'charactersPerMinute',
      values: [210],
      last: 210,
      change: null,
    });
    expect(trends.speakingPercent?.values).toEqual([70, 60]);
    expect(deliveryTrends(member([null, null]).speeches, () => undefined)).toEqual({});
  });
});
