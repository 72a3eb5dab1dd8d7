import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { FrameLevels } from './frameLevels';
import { PauseAnalyser } from './pauses';
import { SpeakingTimeAnalyser } from './speakingTime';
import { concat, feed, harmonics, silence } from './testSignals';
import { voiceActivity } from './voiceActivity';

const rate = 8000;

describe('voiceActivity, pauses and speaking time', () => {
  it('finds every silence of 0.3 s or more between sounds, with its length within 30 ms (10 ms frames)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            sound: fc.double({ min: 0.2, max: 1.5, noNaN: true }),
            pause: fc.double({ min: 0.35, max: 4, noNaN: true }),
          }),
          {
            minLength: 1,
            maxLength: 6,
          },
        ),
        (parts) => {
          const pieces = parts.flatMap(({ sound, pause }, i) => [
            harmonics(rate, sound, 110 + 20 * i),
            silence(rate, pause),
          ]);
          const signal = concat(...pieces, harmonics(rate, 0.5, 100));
          const pauses = feed(new PauseAnalyser(rate), signal);
          expect(pauses.count).toBe(parts.length);
          const longest = Math.max(...parts.map((p) => p.pause));
          expect(Math.abs(pauses.longestSec - longest)).toBeLessThan(0.03);
          // Every pause clearly over 2 s is listed, found by where it starts: one just over 2 s may be
          // listed too (or not), so the lists need not line up by index.
          let at = 0;
          const expected = parts.map(({ sound, pause }) => {
            const start = at + sound;
            at = start + pause;
            return { start, pause };
          });
          for (const { start, pause } of expected.filter((p) => p.pause > 2.03)) {
            const listed = pauses.long.find((p) => Math.abs(p.start - start) < 0.05);
            expect(listed, `the pause at ${start.toFixed(3)} s`).toBeDefined();
            expect(Math.abs(listed!.end - listed!.start - pause)).toBeLessThan(0.03);
          }
        },
      ),
      { numRuns: 25 },
    );
  });

  it('bridges silences shorter than 0.3 s and ignores clicks', () => {
    const click = new Float32Array(80).fill(0.5);
    const signal = concat(
      harmonics(rate, 1, 120),
      silence(rate, 0.2),
      harmonics(rate, 1, 120),
      silence(rate, 1.2),
      click,
      silence(rate, 1.2),
      harmonics(rate, 1, 120),
    );
    const pauses = feed(new PauseAnalyser(rate), signal);
    expect(pauses.count).toBe(1);
    expect(Math.abs(pauses.longestSec - 2.41)).toBeLessThan(0.03);
    expect(pauses.long).toHaveLength(1);
  });

  it('does not count the silence before the first word and after the last as pauses', () => {
    const signal = concat(silence(rate, 3), harmonics(rate, 2, 150), silence(rate, 3));
    expect(feed(new PauseAnalyser(rate), signal).count).toBe(0);
    const talk = feed(new SpeakingTimeAnalyser(rate), signal);
    expect(Math.abs(talk.speakingSec - 2)).toBeLessThan(0.03);
    expect(talk.silenceRatio).toBeCloseTo(0.75, 2);
    expect(talk.speakingRatio + talk.silenceRatio).toBeCloseTo(1, 6);
  });

  it('works above a noise floor', () => {
    let seed = 7;
    const noisy = (signal: Float32Array) =>
      signal.map((x) => {
        seed = (seed * 1103515245 + 12345) % 2 ** 31;
        return x + (seed / 2 ** 31 - 0.5) * 0.01;
      });
    const signal = noisy(concat(harmonics(rate, 1, 120), silence(rate, 2.5), harmonics(rate, 1, 120)));
    const pauses = feed(new PauseAnalyser(rate), signal);
    expect(pauses.count).toBe(1);
    expect(Math.abs(pauses.longestSec - 2.5)).toBeLessThan(0.05);
  });

  it('finds no speech in silence', () => {
    const activity = voiceActivity(feed(new FrameLevels(rate), silence(rate, 2)));
    expect(activity.speech).toEqual([]);
    expect(activity.durationSec).toBe(2);
  });

  it('measures the duration to the sample, however the stream is cut', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30_000 }),
        fc.array(fc.integer({ min: 0, max: 2000 }), { minLength: 1, maxLength: 5 }),
        (length, sizes) => {
          fc.pre(sizes.some((s) => s > 0));
          const levels = feed(new FrameLevels(rate), harmonics(rate, length / rate, 200), sizes);
          expect(levels.durationSec).toBe(length / rate);
          expect(levels.power.length).toBe(Math.ceil(length / 80));
        },
      ),
      { numRuns: 50 },
    );
  });
});
