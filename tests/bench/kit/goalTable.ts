// The table `npm run bench` ends with: every goal the benchmarks declared (goals.ts), its median with
// min–max, the baseline's median, the ratio, the target, and met or missed.
import { existsSync, readFileSync } from 'node:fs';
import type { GoalResult } from './goals';

export function readGoals(file: string): GoalResult[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as GoalResult);
}

export function goalTable(results: readonly GoalResult[]): string {
  const header = ['goal', 'Lectern median (min–max)', 'baseline median', 'ratio', 'target', ''];
  const rows = results.map((r): string[] => {
    const d = r.digits;
    const unit = r.unit ? ` ${r.unit}` : '';
    return [
      `#${r.issue} ${r.goal}`,
      `${r.lectern.median.toFixed(d)}${unit} (${r.lectern.min.toFixed(d)}–${r.lectern.max.toFixed(d)})${r.short ? ' *' : ''}`,
      r.baseline ? `${r.baseline.median.toFixed(d)}${unit}` : '—',
      r.ratio === null ? '—' : `${r.ratio.toFixed(2)}×`,
      r.target,
      r.met ? 'met' : 'MISSED',
    ];
  });
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  const out = [line(header), line(widths.map((w) => '─'.repeat(w)))];
  rows.forEach((row, i) => {
    // The benchmark's name above its goals.
    if (results[i]!.bench !== results[i - 1]?.bench) out.push(results[i]!.bench.replace(/\.ts$/, ''));
    out.push(line(row));
  });
  if (results.some((r) => r.short))
    out.push('* fewer than five runs (BENCH_RUNS) or measurements: not a five-run median');
  return out.join('\n');
}
