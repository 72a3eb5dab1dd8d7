import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { PitchAnalyser } from './pitch';
import { PitchTracker } from './pitchTracker';
import { concat, feed, harmonics, silence, sine } from './testSignals';

describe('PitchTracker', () => {
  it.each([8000, 16_000, 22_050, 44_100, 48_000])('finds a 220 Hz tone within 1 %% at %i Hz', (rate) => {
    const pitch = feed(new PitchAnalyser(rate), sine(rate, 2, 220, 0.5));
    expect(Math.abs(pitch.medianHz! / 220 - 1)).toBeLessThan(0.01);
    expect(pitch.rangeSemitones).toBeLessThan(0.2);
  });

  it('finds the fundamental of a voice-like harmonic sound, not an octave off, from 65 to 380 Hz', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 65, max: 380, noNaN: true }),
        fc.constantFrom(16_000, 44_100),
        (hz, rate) => {
          const pitch = feed(new PitchAnalyser(rate), harmonics(rate, 0.8, hz));
          expect(Math.abs(pitch.medianHz! / hz - 1)).toBeLessThan(0.02);
        },
      ),
      { numRuns: 30 },
    );
  });

  it('measures a glide from 100 to 200 Hz as a range of about 12 semitones', () => {
    const rate = 16_000;
    const steps = Array.from({ length: 21 }, (_, i) => harmonics(rate, 0.1, 100 * 2 ** (i / 20)));
    const pitch = feed(new PitchAnalyser(rate), concat(...steps));
    expect(pitch.rangeSemitones!).toBeGreaterThan(10);
    expect(pitch.rangeSemitones!).toBeLessThan(13);
    expect(pitch.medianHz!).toBeGreaterThan(135);
    expect(pitch.medianHz!).toBeLessThan(150);
  });

  it('calls silence and noise unvoiced', () => {
    const rate = 16_000;
    let seed = 1;
    const noise = Float32Array.from({ length: rate * 2 }, () => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return (seed / 2 ** 31 - 0.5) * 0.5;
    });
    const pitch = feed(new PitchAnalyser(rate), concat(silence(rate, 1), noise));
    expect(pitch.medianHz).toBeNull();
    expect(pitch.voicedSec).toBeLessThan(0.2);
  });

  it('keeps one frame per 10 ms and is the same however the stream is cut', () => {
    const rate = 8000;
    const signal = concat(harmonics(rate, 0.5, 150), silence(rate, 0.3), harmonics(rate, 0.5, 90));
    const whole = feed(new PitchTracker(rate), signal, [signal.length]);
    expect(Math.abs(whole.f0.length - 130)).toBeLessThanOrEqual(4);
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 3000 }), { minLength: 1, maxLength: 6 }), (sizes) => {
        fc.pre(sizes.some((s) => s > 0));
        expect(feed(new PitchTracker(rate), signal, sizes).f0).toEqual(whole.f0);
      }),
      { numRuns: 40 },
    );
  });
});
