import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyseSpeech, SpeechMetricsAnalyser } from './analyseSpeech';
import { SpeechMetrics } from './speechMetrics';
import { chunked, concat, feed, silence, sine, syllables } from './testSignals';

const rate = 16_000;
const speech = concat(
  silence(rate, 0.5),
  syllables(rate, 12, 4),
  silence(rate, 2.5),
  syllables(rate, 8, 4, 180),
  silence(rate, 0.5),
);

describe('analyseSpeech', () => {
  it('gives every metric of one stream, valid by the schema', async () => {
    const metrics = await analyseSpeech(chunked(speech, [1000, 333, 4096]), rate);
    expect(SpeechMetrics.parse(metrics)).toEqual(metrics);
    expect(metrics.durationSec).toBeCloseTo(speech.length / rate, 3);
    expect(metrics.pauses.count).toBe(1);
    expect(metrics.pauses.long).toHaveLength(1);
    expect(Math.abs(metrics.pauses.longestSec - 2.5)).toBeLessThan(0.25);
    expect(metrics.speechRate.syllables).toBeGreaterThanOrEqual(19);
    expect(metrics.speechRate.syllables).toBeLessThanOrEqual(21);
    expect(metrics.pitch.medianHz).toBeGreaterThan(110);
    expect(metrics.loudness.integratedLufs).toBeLessThan(0);
  });

  it('is a fold: the same metrics however the stream is cut into chunks', () => {
    const whole = feed(new SpeechMetricsAnalyser(rate), speech, [speech.length]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 20_000 }), { minLength: 1, maxLength: 6 }), (sizes) => {
        fc.pre(sizes.some((s) => s > 0));
        expect(feed(new SpeechMetricsAnalyser(rate), speech, sizes)).toEqual(whole);
      }),
      { numRuns: 15 },
    );
  });

  it('measures nothing it cannot: silence gives nulls, not guesses', async () => {
    const metrics = await analyseSpeech([silence(rate, 2)], rate);
    expect(SpeechMetrics.parse(metrics)).toEqual(metrics);
    expect(metrics.loudness.integratedLufs).toBeNull();
    expect(metrics.pitch.medianHz).toBeNull();
    expect(metrics.speechRate.syllablesPerSecond).toBeNull();
    expect(metrics.speakingTime.speakingRatio).toBe(0);
  });

  it('refuses a sample rate it cannot work at', () => {
    expect(() => new SpeechMetricsAnalyser(0)).toThrow(RangeError);
    expect(() => new SpeechMetricsAnalyser(Number.NaN)).toThrow(RangeError);
  });
});

describe('SpeechMetrics schema', () => {
  const valid = feed(
    new SpeechMetricsAnalyser(rate),
    concat(sine(rate, 1, 200, 0.3), silence(rate, 2.5), sine(rate, 1, 200, 0.3)),
  );

  it('accepts what the analysers make, and rejects what no analyser would', () => {
    expect(SpeechMetrics.safeParse(valid).success).toBe(true);
    const bad = [
      { ...valid, version: 2 },
      { ...valid, durationSec: -1 },
      { ...valid, durationSec: Infinity },
      { ...valid, speakingTime: { ...valid.speakingTime, speakingRatio: 1.5 } },
      { ...valid, pauses: { ...valid.pauses, long: [{ start: 3, end: 2 }] } },
      {
        ...valid,
        pauses: { ...valid.pauses, long: Array.from({ length: 20_000 }, () => ({ start: 1, end: 4 })) },
      },
      { ...valid, pitch: { ...valid.pitch, medianHz: 5 } },
      { ...valid, speechRate: { ...valid.speechRate, syllables: 1.5 } },
    ];
    for (const metrics of bad) expect(SpeechMetrics.safeParse(metrics).success).toBe(false);
  });
});
