import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { kWeighting } from './kWeighting';
import { LoudnessAnalyser } from './loudness';
import { concat, feed, silence, sine } from './testSignals';

describe('kWeighting', () => {
  it('gives ITU-R BS.1770-4 table 1 and 2 coefficients at 48 kHz', () => {
    const [shelf, highPass] = kWeighting(48_000);
    expect(shelf.b0).toBeCloseTo(1.53512485958697, 8);
    expect(shelf.b1).toBeCloseTo(-2.69169618940638, 8);
    expect(shelf.b2).toBeCloseTo(1.19839281085285, 8);
    expect(shelf.a1).toBeCloseTo(-1.69065929318241, 8);
    expect(shelf.a2).toBeCloseTo(0.73248077421585, 8);
    expect(highPass.a1).toBeCloseTo(-1.99004745483398, 8);
    expect(highPass.a2).toBeCloseTo(0.99007225036621, 8);
  });
});

describe('LoudnessAnalyser', () => {
  it.each([16_000, 22_050, 44_100, 48_000])(
    'reads a 1 kHz sine at −20 dBFS peak as −23.0 LUFS at %i Hz (BS.1770: 0 dBFS sine = −3.01)',
    (rate) => {
      const result = feed(new LoudnessAnalyser(rate), sine(rate, 5, 1000, 0.1));
      // Within 0.1 LU: at low rates the bilinear transform bends the shelf a little.
      expect(Math.abs(result.integratedLufs! + 23.01)).toBeLessThan(0.1);
      expect(result.rangeLu).toBeCloseTo(0, 1);
      expect(result.quiet).toEqual([]);
    },
  );

  it('leaves silence and anything under 0.4 s unmeasured', () => {
    expect(feed(new LoudnessAnalyser(16_000), silence(16_000, 3)).integratedLufs).toBeNull();
    expect(feed(new LoudnessAnalyser(16_000), sine(16_000, 0.3, 1000, 0.5)).integratedLufs).toBeNull();
  });

  it('gates out passages more than 10 LU under the rest (relative gate) and silence (absolute gate)', () => {
    const rate = 16_000;
    const signal = concat(sine(rate, 10, 1000, 0.1), sine(rate, 10, 1000, 0.001), silence(rate, 10));
    expect(feed(new LoudnessAnalyser(rate), signal).integratedLufs).toBeCloseTo(-23.01, 1);
  });

  it('measures a 10 dB step as a loudness range of about 10 LU', () => {
    const rate = 16_000;
    const step = concat(sine(rate, 20, 1000, 0.1), sine(rate, 20, 1000, 0.1 / Math.sqrt(10)));
    expect(Math.abs(feed(new LoudnessAnalyser(rate), step).rangeLu! - 10)).toBeLessThan(1);
  });

  it('marks a long passage much quieter than the rest, but not silence', () => {
    const rate = 16_000;
    const signal = concat(
      sine(rate, 20, 1000, 0.1),
      sine(rate, 10, 1000, 0.02),
      silence(rate, 10),
      sine(rate, 20, 1000, 0.1),
    );
    const { quiet } = feed(new LoudnessAnalyser(rate), signal);
    expect(quiet).toHaveLength(1);
    expect(quiet[0]!.start).toBeGreaterThanOrEqual(18);
    expect(quiet[0]!.end).toBeLessThanOrEqual(32);
  });

  it('gives the same result however the stream is cut into chunks', () => {
    const rate = 8000;
    const signal = concat(sine(rate, 2, 440, 0.3), silence(rate, 1), sine(rate, 2, 1000, 0.05));
    const whole = feed(new LoudnessAnalyser(rate), signal, [signal.length]);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 5000 }), { minLength: 1, maxLength: 8 }), (sizes) => {
        fc.pre(sizes.some((s) => s > 0));
        expect(feed(new LoudnessAnalyser(rate), signal, sizes)).toEqual(whole);
      }),
      { numRuns: 40 },
    );
  });
});
