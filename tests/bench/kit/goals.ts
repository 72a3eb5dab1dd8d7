// One way for a benchmark to declare how it did against an issue's goal: its figures, the baseline's
// measured the same way in the same run, the ratio, the target and whether the median meets it.
// Each result is printed in the benchmark's own log and appended as a JSON line to the file named by
// LECTERN_BENCH_GOALS (run.ts sets it and prints one table of them all at the end).
import { appendFileSync } from 'node:fs';
import { basename } from 'node:path';
import { figures, type Figures } from './figures';
import { benchRuns, fullRuns } from './runs';

/** What a goal compares with its limit: Lectern's median, or its median over the baseline's. */
export interface Target {
  on: 'median' | 'ratio';
  atMost: number;
  /** "<" rather than "≤". */
  strict?: boolean;
}

export interface GoalResult {
  /** The benchmark file that measured it. */
  bench: string;
  issue: number;
  goal: string;
  unit: string;
  /** Decimals to show the figures with. */
  digits: number;
  lectern: Figures;
  baseline: Figures | null;
  /** Lectern's median over the baseline's; null without a baseline (or one of 0 or below). */
  ratio: number | null;
  target: string;
  met: boolean;
  /** A figure that is the same in every run (a size, a count): its run count says nothing. */
  exact: boolean;
  /** Fewer than five runs (BENCH_RUNS) or measurements behind a median: not the issue's measure. */
  short: boolean;
}

export interface GoalSpec {
  issue: number;
  goal: string;
  unit: string;
  digits?: number;
  /** One value per run (or per sample, for latencies). */
  lectern: readonly number[];
  baseline: readonly number[] | null;
  target: Target;
  exact?: boolean;
}

export function targetText(target: Target, unit: string): string {
  const sign = target.strict ? '<' : '≤';
  return target.on === 'ratio' ? `${sign} ${target.atMost}× baseline` : `${sign} ${target.atMost} ${unit}`;
}

export function goalResult(spec: GoalSpec, bench: string): GoalResult {
  const lectern = figures(spec.lectern);
  const baseline = spec.baseline ? figures(spec.baseline) : null;
  // Over a baseline of zero or below (a heap that does not grow, give or take noise) a ratio says nothing.
  const ratio = baseline && baseline.median > 0 ? lectern.median / baseline.median : null;
  const value = spec.target.on === 'ratio' ? ratio : lectern.median;
  if (spec.target.on === 'ratio' && !baseline) throw new Error(`${spec.goal}: a ratio goal needs a baseline`);
  const met =
    value !== null && (spec.target.strict ? value < spec.target.atMost : value <= spec.target.atMost);
  return {
    bench,
    issue: spec.issue,
    goal: spec.goal,
    unit: spec.unit,
    digits: spec.digits ?? 0,
    lectern,
    baseline,
    ratio,
    target: targetText(spec.target, spec.unit),
    met,
    exact: spec.exact ?? false,
    short:
      !spec.exact &&
      (benchRuns() < fullRuns || lectern.count < fullRuns || (baseline?.count ?? fullRuns) < fullRuns),
  };
}

/** Declares a goal's result: logged here, and kept for run.ts's table. */
export function declareGoal(spec: GoalSpec): GoalResult {
  const result = goalResult(spec, basename(process.argv[1] ?? 'bench'));
  const show = (f: Figures) =>
    `${f.median.toFixed(result.digits)} (${f.min.toFixed(result.digits)}–${f.max.toFixed(result.digits)})`;
  console.log(
    `  goal #${result.issue} ${result.goal}: ${show(result.lectern)} ${result.unit}` +
      (result.baseline ? ` vs baseline ${show(result.baseline)}` : '') +
      (result.ratio === null ? '' : ` = ${result.ratio.toFixed(2)}×`) +
      `, target ${result.target}: ${result.met ? 'met' : 'MISSED'}`,
  );
  const file = process.env.LECTERN_BENCH_GOALS;
  if (file) appendFileSync(file, `${JSON.stringify(result)}\n`);
  return result;
}
