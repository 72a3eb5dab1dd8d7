import { describe, expect, it } from 'vitest';
import { defaultDraft, passedDeadline } from './assignmentForm';

/** Sunday 1 March 2026, 21:00 in Shanghai. */
const NOW = Date.UTC(2026, 2, 1, 13, 0);
const draft = defaultDraft('2026-03-01');

describe('a deadline already past', () => {
  it('is marked on a one-off’s submission deadline, in the group’s zone', () => {
    const once = { ...draft, repeat: 'once' as const };
    expect(passedDeadline({ ...once, submitBy: '2026-02-20T21:00' }, 'Asia/Shanghai', NOW)).toEqual({
      field: 'submitBy',
      key: 'assignments.form.deadlinePassed',
    });
    expect(passedDeadline({ ...once, submitBy: '2026-03-01T21:00' }, 'Asia/Shanghai', NOW)).toMatchObject({
      field: 'submitBy',
    });
    expect(passedDeadline({ ...once, submitBy: '2026-03-01T21:01' }, 'Asia/Shanghai', NOW)).toBeUndefined();
    // 21:00 in Berlin is still seven hours away.
    expect(passedDeadline({ ...once, submitBy: '2026-03-01T21:00' }, 'Europe/Berlin', NOW)).toBeUndefined();
  });

  it('is marked on a series’ start only when every week of it has passed', () => {
    expect(passedDeadline({ ...draft, startsOn: '2026-01-05' }, 'Asia/Shanghai', NOW)).toBeUndefined();
    expect(passedDeadline({ ...draft, startsOn: '2010-01-04' }, 'Asia/Shanghai', NOW)).toEqual({
      field: 'startsOn',
      key: 'assignments.form.seriesPassed',
    });
  });

  it('leaves empty or half-typed fields to the form’s other checks', () => {
    expect(passedDeadline({ ...draft, repeat: 'once', submitBy: '' }, 'Asia/Shanghai', NOW)).toBeUndefined();
    expect(passedDeadline({ ...draft, startsOn: '' }, 'Asia/Shanghai', NOW)).toBeUndefined();
  });
});
