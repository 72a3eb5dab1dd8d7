import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { targetResult, timerLight, type TimerLight } from './timerLights';

const fiveToSeven = { minSeconds: 300, maxSeconds: 420 };

describe('timerLight', () => {
  it.each([
    [0, 'none'],
    [299, 'none'],
    [300, 'green'],
    [359, 'green'],
    [360, 'yellow'],
    [419, 'yellow'],
    [420, 'red'],
    [449, 'red'],
    [450, 'overtime'],
  ] as const)('at %i s of a 5–7 min speech shows %s', (seconds, light) => {
    expect(timerLight(seconds, fiveToSeven)).toBe(light);
  });

  it('never goes back to an earlier light as time passes', () => {
    const order: TimerLight[] = ['none', 'green', 'yellow', 'red', 'overtime'];
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 3000 }),
        fc.integer({ min: 1, max: 3000 }),
        fc.nat(5000),
        fc.nat(5000),
        (min, span, a, b) => {
          const target = { minSeconds: min, maxSeconds: min + span };
          const [early, late] = a <= b ? [a, b] : [b, a];
          expect(order.indexOf(timerLight(late, target))).toBeGreaterThanOrEqual(
            order.indexOf(timerLight(early, target)),
          );
        },
      ),
    );
  });
});

describe('targetResult', () => {
  it('calls a speech short, within or long against its target', () => {
    expect(targetResult(200, fiveToSeven)).toBe('short');
    expect(targetResult(400, fiveToSeven)).toBe('within');
    expect(targetResult(440, fiveToSeven)).toBe('within');
    expect(targetResult(460, fiveToSeven)).toBe('long');
  });
});
