import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpeechRateAnalyser, speechRateOf, syllableSettings } from './speechRate';
import { concat, feed, harmonics, silence, syllables } from './testSignals';

const rate = 16_000;

describe('SpeechRateAnalyser (syllable nuclei)', () => {
  it('counts voiced intensity peaks, one per syllable, at 2 to 7 syllables a second', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 4, max: 25 }),
        fc.double({ min: 2, max: 7, noNaN: true }),
        (count, perSecond) => {
          const result = feed(new SpeechRateAnalyser(rate), syllables(rate, count, perSecond));
          expect(Math.abs(result.syllables - count)).toBeLessThanOrEqual(1);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('does not count unvoiced peaks (noise bursts) or peaks that barely dip', () => {
    let seed = 3;
    const burst = Float32Array.from({ length: rate / 5 }, (_, i) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed / 2 ** 31 - 0.5) * Math.sin((Math.PI * i) / (rate / 5));
    });
    const bursts = concat(burst, silence(rate, 0.2), burst, silence(rate, 0.2), burst);
    const steady = harmonics(rate, 1, 120);
    const result = feed(new SpeechRateAnalyser(rate), concat(syllables(rate, 5, 4), bursts, steady));
    expect(result.syllables).toBeGreaterThanOrEqual(5);
    expect(result.syllables).toBeLessThanOrEqual(6);
  });

  it('gives the rate over the speech with pauses, over speaking time without, and its margin', () => {
    const signal = concat(syllables(rate, 10, 5), silence(rate, 2), syllables(rate, 10, 5));
    const result = feed(new SpeechRateAnalyser(rate), signal);
    expect(Math.abs(result.articulationRate! - 5)).toBeLessThan(0.6);
    expect(Math.abs(result.syllablesPerSecond! - 20 / 6)).toBeLessThan(0.4);
    const relative = Math.sqrt(syllableSettings.methodError ** 2 + 1 / result.syllables);
    expect(result.uncertainty).toBeCloseTo(result.syllablesPerSecond! * relative, 1);
  });

  it('has no rate without speech', () => {
    expect(speechRateOf([], { speech: [], thresholdDb: -60, durationSec: 3 })).toEqual({
      syllables: 0,
      syllablesPerSecond: null,
      articulationRate: null,
      uncertainty: null,
    });
  });
});
