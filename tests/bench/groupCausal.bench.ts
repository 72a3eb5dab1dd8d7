// What format 2's causal checks cost: the same demo group (100 members × 52 weeks, same seed) written
// in format 1 and in format 2, each folded in full from an empty cache the way the app does (GroupSync
// with the app's registry), pair by pair in this run; then the fold alone over already-read events, and
// the heap each keeps. Goal (issue #11): format 2 at most 1.5× format 1 in time and in memory.
// Run: npm run bench -- groupCausal   (BENCH_MEMBERS, BENCH_WEEKS: a smaller group for a quick look)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGroupCli } from '../../electron/cli/groupCli';
import { GroupSync } from '../../electron/services/groupFolder/groupSync';
import { appRegistry } from '../../shared/group/appRegistry';
import { foldSnapshot } from '../../shared/group/fold';
import type { GroupEvent } from '../../shared/group/groupEvent';
import { figures, showFigures } from './kit/figures';
import { declareGoal } from './kit/goals';
import { benchRuns } from './kit/runs';

const MEMBERS = Number(process.env.BENCH_MEMBERS ?? 100);
const WEEKS = Number(process.env.BENCH_WEEKS ?? 52);
const RUNS = benchRuns();
const base = await mkdtemp(path.join(tmpdir(), 'lectern-bench-causal-'));
const gc = () => (globalThis as { gc?: () => void }).gc?.();

async function demo(format: 1 | 2): Promise<string> {
  const folder = path.join(base, `format-${format}`);
  const code = await runGroupCli(
    [
      'demo',
      folder,
      '--keys',
      path.join(base, `keys-${format}`),
      '--members',
      String(MEMBERS),
      '--weeks',
      String(WEEKS),
      '--seed',
      'causal-bench',
      '--format',
      String(format),
    ],
    { out: () => {}, env: {} },
  );
  if (code !== 0) throw new Error(`demo --format ${format} failed`);
  return folder;
}

let dataDirs = 0;
/** The app's path on a new computer: read, verify and fold every file, from an empty cache. */
async function fullSync(
  folder: string,
): Promise<{ ms: number; heapMb: number; events: GroupEvent[]; hash: string }> {
  gc();
  const heap0 = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const sync = new GroupSync({
    folder,
    dataDir: path.join(base, `data-${dataDirs++}`),
    registry: appRegistry,
  });
  const report = await sync.sync();
  const { hash } = sync.state();
  const ms = performance.now() - t0;
  if (report.status !== 'ok' || report.quarantined.length > 0) throw new Error(report.message);
  await sync.cacheWritten(); // behind the state, as in the app; done before the next measurement
  gc();
  const heapMb = (process.memoryUsage().heapUsed - heap0) / 2 ** 20; // what the engine keeps, same measure for both
  return { ms, heapMb, events: sync.allEvents(), hash };
}

try {
  const t0 = performance.now();
  const folders = { 1: await demo(1), 2: await demo(2) } as const;
  console.log(
    `demo ${MEMBERS} members × ${WEEKS} weeks in both formats: ${((performance.now() - t0) / 1000).toFixed(0)} s`,
  );

  const full: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const heap: Record<1 | 2, number[]> = { 1: [], 2: [] };
  const events: Record<1 | 2, GroupEvent[]> = { 1: [], 2: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const format of run % 2 ? ([2, 1] as const) : ([1, 2] as const)) {
      const r = await fullSync(folders[format]);
      full[format].push(r.ms);
      heap[format].push(r.heapMb);
      events[format] = r.events;
    }
  }
  const foldOnly: Record<1 | 2, number[]> = { 1: [], 2: [] };
  for (let run = 0; run < RUNS; run++) {
    for (const format of run % 2 ? ([2, 1] as const) : ([1, 2] as const)) {
      const groupId = events[format].find((e) => e.kind === 'group.genesis')!.id;
      gc();
      const t = performance.now();
      foldSnapshot(groupId, events[format], appRegistry);
      foldOnly[format].push(performance.now() - t);
    }
  }
  const ratio = (a: number[], b: number[]) => figures(a).median / figures(b).median;
  console.log(
    `events: format 1 ${events[1].length}, format 2 ${events[2].length}; ${RUNS} runs each, alternating`,
  );
  console.log(
    `  full sync, empty cache   format 1 ${showFigures(figures(full[1]), 'ms', 0)}   format 2 ${showFigures(figures(full[2]), 'ms', 0)}`,
  );
  console.log(
    `  fold alone               format 1 ${showFigures(figures(foldOnly[1]), 'ms', 0)}   format 2 ${showFigures(figures(foldOnly[2]), 'ms', 0)}   = ${ratio(foldOnly[2], foldOnly[1]).toFixed(2)}× (not a goal)`,
  );
  const size = `${MEMBERS} × ${WEEKS}`;
  declareGoal({
    issue: 11,
    goal: `${size} group, full sync from an empty cache: format 2 vs format 1`,
    unit: 'ms',
    lectern: full[2],
    baseline: full[1],
    target: { on: 'ratio', atMost: 1.5 },
  });
  declareGoal({
    issue: 11,
    goal: `${size} group, heap kept by the engine: format 2 vs format 1`,
    unit: 'MB',
    digits: 1,
    lectern: heap[2],
    baseline: heap[1],
    target: { on: 'ratio', atMost: 1.5 },
  });
} finally {
  await rm(base, { recursive: true, force: true });
}
