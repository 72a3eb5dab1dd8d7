import { afterEach, describe, expect, it } from 'vitest';
import { goalTable } from './goalTable';
import { goalResult, type GoalSpec } from './goals';

const spec = (over: Partial<GoalSpec>): GoalSpec => ({
  issue: 3,
  goal: 'open a speech',
  unit: 'ms',
  lectern: [90, 100, 95, 120, 80],
  baseline: [1000, 900, 1100, 950, 1050],
  target: { on: 'median', atMost: 100 },
  ...over,
});

afterEach(() => {
  delete process.env.BENCH_RUNS;
});

describe('goalResult', () => {
  it('judges the median, not the best or worst run', () => {
    expect(goalResult(spec({}), 'b').met).toBe(true); // median 95, max 120
    expect(goalResult(spec({ lectern: [90, 101, 102, 103, 80] }), 'b').met).toBe(false);
  });

  it('judges a ratio goal on the medians of both sides', () => {
    const result = goalResult(spec({ target: { on: 'ratio', atMost: 0.1 } }), 'b');
    expect(result.ratio).toBeCloseTo(95 / 1000);
    expect(result.met).toBe(true);
    expect(goalResult(spec({ target: { on: 'ratio', atMost: 0.09 } }), 'b').met).toBe(false);
  });

  it('keeps "<" apart from "≤" at the limit', () => {
    const at = spec({ lectern: [50, 50, 50, 50, 50] });
    expect(goalResult({ ...at, target: { on: 'median', atMost: 50 } }, 'b').met).toBe(true);
    expect(goalResult({ ...at, target: { on: 'median', atMost: 50, strict: true } }, 'b').met).toBe(false);
    expect(goalResult({ ...at, target: { on: 'median', atMost: 50, strict: true } }, 'b').target).toBe(
      '< 50 ms',
    );
  });

  it('gives no ratio over a baseline of zero or below (a flat heap, give or take noise)', () => {
    expect(goalResult(spec({ baseline: [-0.1, 0, 0.1, -0.2, -0.1] }), 'b').ratio).toBeNull();
    expect(goalResult(spec({ baseline: [0, 0, 0, 0, 0] }), 'b').ratio).toBeNull();
  });

  it('refuses a ratio goal without a baseline', () => {
    expect(() => goalResult(spec({ baseline: null, target: { on: 'ratio', atMost: 2 } }), 'b')).toThrow();
  });

  it('marks fewer than five runs as short, unless the figure is exact', () => {
    expect(goalResult(spec({}), 'b').short).toBe(false);
    expect(goalResult(spec({ lectern: [1, 2] }), 'b').short).toBe(true);
    process.env.BENCH_RUNS = '2';
    expect(goalResult(spec({}), 'b').short).toBe(true);
    expect(goalResult(spec({ lectern: [17.1], baseline: null, exact: true }), 'b').short).toBe(false);
  });
});

describe('goalTable', () => {
  it('shows each goal with its median, min–max, baseline, ratio, target and verdict', () => {
    const table = goalTable([
      goalResult(spec({}), 'speechPlayer.bench.ts'),
      goalResult(
        spec({ goal: 'seek', lectern: [300, 310, 290, 305, 295], baseline: null }),
        'speechSeek.bench.ts',
      ),
    ]);
    expect(table).toContain('speechPlayer.bench');
    expect(table).toMatch(/#3 open a speech\s+95 ms \(80–120\)\s+1000 ms\s+0\.10×\s+≤ 100 ms\s+met/);
    expect(table).toMatch(/#3 seek\s+300 ms \(290–310\)\s+—\s+—\s+≤ 100 ms\s+MISSED/);
    expect(table).not.toContain('fewer than five runs');
  });

  it('says when a median is not of five runs', () => {
    expect(goalTable([goalResult(spec({ lectern: [95, 96] }), 'b')])).toContain('fewer than five runs');
  });
});
