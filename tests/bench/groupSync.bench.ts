// Group folder sync at the size of a real group's year: `demo` with 30 members × 52 weeks, then
// a full fold from an empty cache, an incremental sync after one new segment, and the baseline
// of reading and JSON-parsing the same files, all in this run; again after compaction.
// Run: npx tsx tests/bench/run.ts groupSync
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runGroupCli } from '../../electron/cli/groupCli';
import { appendDemoEvents } from '../../electron/cli/groupDemo';
import { GroupSync } from '../../electron/services/groupFolder/groupSync';

const MEMBERS = 30;
const WEEKS = 52;
const base = await mkdtemp(path.join(tmpdir(), 'lectern-bench-sync-'));
const folder = path.join(base, 'group');
const keys = path.join(base, 'keys');
let dataDirs = 0;
const freshDataDir = () => path.join(base, `data-${dataDirs++}`);

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
async function time(runs: number, fn: () => Promise<unknown>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < runs; i++) {
    (globalThis as { gc?: () => void }).gc?.();
    const t0 = performance.now();
    await fn();
    ms.push(performance.now() - t0);
  }
  return median(ms);
}
const fmt = (ms: number) => `${ms.toFixed(1)} ms`;

/** What a sync reads: group.json and every segment file (blobs are hash-checked when played, not synced). */
async function segmentFiles(dir: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(dir, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) {
      if (e.name !== 'blobs' && !e.name.startsWith('.')) out.push(...(await segmentFiles(dir, r)));
    } else if (e.name.endsWith('.json')) out.push(r);
  }
  return out;
}
async function countFiles(dir: string): Promise<number> {
  let n = 0;
  for (const e of await readdir(dir, { withFileTypes: true }))
    n += e.isDirectory() ? await countFiles(path.join(dir, e.name)) : 1;
  return n;
}

/** The floor: list, read and JSON.parse the same files, verifying nothing. */
async function raw(): Promise<number> {
  let events = 0;
  for (const rel of await segmentFiles(folder)) {
    const parsed = JSON.parse(await readFile(path.join(folder, rel), 'utf8')) as { events: unknown[] };
    events += parsed.events.length;
  }
  return events;
}

async function fullFold(): Promise<string> {
  const sync = new GroupSync({ folder, dataDir: freshDataDir() });
  const report = await sync.sync();
  if (report.status !== 'ok' || report.quarantined.length > 0) throw new Error(report.message);
  return sync.state().hash;
}

async function measure(label: string) {
  const files = (await segmentFiles(folder)).length;
  const events = await raw();
  const rawMs = await time(7, raw);
  const fullMs = await time(5, fullFold);

  // Incremental: a warm engine (as in the running app) and one new segment from another member.
  const warm = new GroupSync({ folder, dataDir: freshDataDir() });
  await warm.sync();
  warm.state();
  const ms: number[] = [];
  for (let member = 1; member <= 7; member++) {
    // Writing the segment is not part of the figure, only the sync that picks it up.
    await appendDemoEvents({ folder, keysDir: keys, member, device: 'laptop', events: 1, now: Date.now() });
    const t0 = performance.now();
    const report = await warm.sync();
    warm.state();
    ms.push(performance.now() - t0);
    if (report.newEvents.length !== 1)
      throw new Error(`expected 1 new event, got ${report.newEvents.length}`);
  }
  const incrementalMs = median(ms);
  // A restarted app: a new engine over the same data dir, resuming from its cursor and event cache.
  const resumedMs = await time(5, async () => {
    const sync = new GroupSync({ folder, dataDir: path.join(base, `data-${dataDirs - 1}`) });
    await sync.sync();
    sync.state();
  });

  console.log(
    `\n${label}: ${files} segment files, ${events} events, ${await countFiles(folder)} files in the folder`,
  );
  console.log(`  raw read + JSON.parse            ${fmt(rawMs)}`);
  console.log(
    `  full fold, empty cache           ${fmt(fullMs)}   = ${(fullMs / rawMs).toFixed(2)}× raw (goal ≤ 3×)`,
  );
  console.log(
    `  incremental, one new segment     ${fmt(incrementalMs)}   = 1/${(fullMs / incrementalMs).toFixed(0)} of full (goal ≤ 1/50, < 50 ms)`,
  );
  console.log(
    `  restart: resume from cache       ${fmt(resumedMs)}   = ${(resumedMs / rawMs).toFixed(2)}× raw`,
  );
}

try {
  const t0 = performance.now();
  const code = await runGroupCli(
    [
      'demo',
      folder,
      '--keys',
      keys,
      '--members',
      String(MEMBERS),
      '--weeks',
      String(WEEKS),
      '--seed',
      'bench',
    ],
    { out: () => {}, env: {} },
  );
  if (code !== 0) throw new Error(`demo exited ${code}`);
  console.log(`demo ${MEMBERS} members × ${WEEKS} weeks written in ${fmt(performance.now() - t0)}`);
  await measure('as written (one segment per member per week)');
  await runGroupCli(['compact', folder, '--keys', keys], { out: () => {}, env: {} });
  await measure('after compaction');
} finally {
  await rm(base, { recursive: true, force: true });
}
