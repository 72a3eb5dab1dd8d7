// The reload-or-ask rule for a crashed page, with the clock passed in.
import { describe, expect, it } from 'vitest';
import { afterRendererGone, crashPolicy } from './rendererCrashes';

const minute = 60_000;

describe('afterRendererGone', () => {
  it('reloads after a crash', () => {
    expect(afterRendererGone([], 'crashed', 10 * minute)).toEqual({
      action: 'reload',
      recent: [10 * minute],
    });
  });

  it('stops reloading and asks when the page keeps dying within a short span', () => {
    let recent: readonly number[] = [];
    const actions: string[] = [];
    for (const at of [0, 20_000, 40_000]) {
      const decision = afterRendererGone(recent, 'oom', at);
      actions.push(decision.action);
      recent = decision.recent;
    }
    expect(actions).toEqual(['reload', 'reload', 'ask']);
  });

  it('forgets crashes older than the span, so a rare crash always reloads', () => {
    let recent: readonly number[] = [];
    for (const at of [0, 1, 2, 3].map((n) => n * (crashPolicy.spanMs + 1))) {
      const decision = afterRendererGone(recent, 'crashed', at);
      expect(decision.action).toBe('reload');
      recent = decision.recent;
    }
    expect(recent).toHaveLength(1);
  });

  it('ignores a normal end of the page process', () => {
    expect(afterRendererGone([5], 'clean-exit', 10)).toEqual({ action: 'ignore', recent: [5] });
  });

  it('does not count a crash dated after now (a clock set back)', () => {
    expect(afterRendererGone([50 * minute, 51 * minute], 'killed', minute).action).toBe('reload');
  });
});
