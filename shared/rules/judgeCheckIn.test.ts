import { describe, expect, it } from 'vitest';
import { formatHlc } from '../group/hlc';
import { judgeCheckIn } from './judgeCheckIn';
import type { CheckIn } from './rulesState';

const submitDeadline = Date.UTC(2026, 2, 8, 13, 0); // Sunday 21:00 in Shanghai
const critiqueDeadline = submitDeadline + 2 * 86_400_000;
const deadlines = { submitDeadline, critiqueDeadline };
const at = (millis: number, recording = `r${millis}`): CheckIn => ({
  id: `c${millis}`,
  hlc: formatHlc({ millis, counter: 0, node: '0123456789abcdef' }),
  recording,
});
const judge = (list: CheckIn[], asOf = critiqueDeadline + 1) => judgeCheckIn(list, deadlines, { asOf });

describe('judgeCheckIn', () => {
  it('is on time exactly at the deadline and late one millisecond after', () => {
    expect(judge([at(submitDeadline)]).submission).toBe('on-time');
    expect(judge([at(submitDeadline + 1)]).submission).toBe('late');
    expect(judge([at(critiqueDeadline)]).submission).toBe('late');
    expect(judge([at(critiqueDeadline + 1)]).submission).toBe('none');
    expect(judge([]).submission).toBe('none');
  });

  it('lets the last check-in before the deadline win, and ignores late ones once one was on time', () => {
    const first = at(submitDeadline - 5000, 'a');
    const second = at(submitDeadline - 1000, 'b');
    const late = at(submitDeadline + 1000, 'c');
    expect(judge([first, second, late])).toEqual({ submission: 'on-time', checkIn: second });
    expect(judge([late, at(submitDeadline + 2000, 'd')]).checkIn?.recording).toBe('d');
  });

  it('sees only check-ins up to asOf, and only valid ones', () => {
    const list = [at(submitDeadline - 1000, 'a'), at(submitDeadline + 1000, 'b')];
    expect(judge(list, submitDeadline - 2000).submission).toBe('none');
    expect(
      judgeCheckIn(list, deadlines, { asOf: critiqueDeadline, valid: (c) => c.recording !== 'a' }),
    ).toEqual({
      submission: 'late',
      checkIn: list[1],
    });
  });

  it('judges a check-in a coach counted late as if it came after the deadline', () => {
    const first = at(submitDeadline - 5000, 'a');
    const ruled = at(submitDeadline - 1000, 'b');
    const countedLate = (c: CheckIn) => c === ruled;
    const options = { asOf: critiqueDeadline, countedLate };
    expect(judgeCheckIn([ruled], deadlines, options)).toEqual({ submission: 'late', checkIn: ruled });
    expect(judgeCheckIn([first, ruled], deadlines, options)).toEqual({
      submission: 'on-time',
      checkIn: first,
    });
    // A genuinely late check-in written after it is the last late one, so it counts.
    const late = at(submitDeadline + 1000, 'c');
    expect(judgeCheckIn([ruled, late], deadlines, options)).toEqual({ submission: 'late', checkIn: late });
  });
});
