// `npm run bench [-- <name>]`: runs every tests/bench/*.bench.ts (or those whose name holds <name>) in
// its own process, so one benchmark's heap does not colour the next. The renderer is built as shipped
// once for the whole run (kit/renderer.ts), each benchmark declares its goal results (kit/goals.ts),
// and the run ends with one table of them. It fails only when a benchmark crashed: a missed goal is
// a result, reported in the table. BENCH_RUNS=2 repeats less while developing (marked in the table).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { goalTable, readGoals } from './kit/goalTable';
import { rendererEnv } from './kit/renderer';
import { benchRuns, fullRuns } from './kit/runs';

const only = process.argv[2];
const dir = import.meta.dirname;
const benches = readdirSync(dir)
  .filter((name) => name.endsWith('.bench.ts') && (!only || name.includes(only)))
  .sort();

const scratch = mkdtempSync(join(tmpdir(), 'lectern-bench-'));
const goalsFile = join(scratch, 'goals.jsonl');
// A fresh folder for this run's renderer: the first benchmark that needs it builds it there.
const rendererDir = resolve('test-results/bench/shipped/renderer');
rmSync(rendererDir, { recursive: true, force: true });
const runs = benchRuns();

const crashed: string[] = [];
for (const name of benches) {
  console.log(`\n=== ${name} ===`);
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--expose-gc', join(dir, name)], {
    stdio: 'inherit',
    env: { ...process.env, LECTERN_BENCH_GOALS: goalsFile, [rendererEnv]: rendererDir },
  });
  if (result.status !== 0) crashed.push(name);
}

const goals = readGoals(goalsFile);
rmSync(scratch, { recursive: true, force: true });
console.log(
  `\n=== goals: ${goals.filter((g) => g.met).length} of ${goals.length} met in the medians` +
    `${runs < fullRuns ? ` (BENCH_RUNS=${runs}: not five-run medians)` : ''} ===\n`,
);
if (goals.length > 0) console.log(goalTable(goals));
console.log(
  `\n${benches.length - crashed.length} of ${benches.length} benchmarks ran` +
    (crashed.length ? `; crashed: ${crashed.join(', ')} (their goals are missing above)` : ''),
);
process.exit(crashed.length > 0 ? 1 : 0);
