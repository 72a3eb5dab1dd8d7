// Group sync shaped like the app (issue #13). Groups of 10, 30, 100 and 300 members × 52 weeks are
// written by `demo` through the app's own write path (one event at a time into the outbox, the tiered
// merge, a publish), then measured, each figure beside a baseline taken in this run:
// - segment files per member-year (goal ≤ 30);
// - the first full sync on a new computer (read, verify, fold with the app's registry, from an empty
//   cache) against listing, reading and JSON-parsing the same files; time to the state the feed is
//   built from (the app writes the cache behind it: that time is shown too) and peak memory (the
//   cache write included), each in a fresh process (goal ≤ 3× raw, ≤ 3 s at 100 members, ≤ 400 MB at 300);
// - one new event from another member (a speech, a critique or a profile update), picked up by a
//   warm engine (goal ≤ 50 ms at 300);
// - the group screen on a warm start: a new process opens the group from its cache, as the app's
//   GroupService does, and builds the feed's view, against reading and parsing that cache (goal ≤ 1 s
//   at 100 members);
// - publishing one's own new event with a year of history against a device with none, and against
//   one durable file write (goal ≤ 20 ms, flat in history).
// Run: npm run bench -- groupSync   (BENCH_SIZES=10,30 for a quick look; BENCH_DEMO_DIR, see reuseDemo)
import { spawnSync } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { hexToBytes } from '@noble/hashes/utils.js';
import { runGroupCli } from '../../electron/cli/groupCli';
import { appendDemoEvents, type DemoKind } from '../../electron/cli/groupDemo';
import { GroupService } from '../../electron/services/group/groupService';
import { groupView } from '../../electron/services/group/groupView';
import { writeFileAtomic } from '../../electron/services/groupFolder/atomicWrite';
import { readGroupId } from '../../electron/services/groupFolder/genesisFile';
import { GroupSync } from '../../electron/services/groupFolder/groupSync';
import { Outbox } from '../../electron/services/groupFolder/outbox';
import { EVENTS_FILE, cacheEntries } from '../../electron/services/groupFolder/syncCache';
import { appRegistry } from '../../shared/group/appRegistry';
import { memberKeyFromSecret } from '../../shared/group/identity';
import { MemberDevice } from '../../shared/group/memberDevice';
import { PROFILE_UPDATE } from '../../shared/group/groupEvent';
import { figures, showFigures, type Figures } from './kit/figures';
import { declareGoal } from './kit/goals';
import { benchRuns } from './kit/runs';

const WEEKS = 52;
const RUNS = benchRuns();
const SIZES = (process.env.BENCH_SIZES ?? '10,30,100,300').split(',').map(Number);

/** What a sync reads: group.json and every segment file (blobs are hash-checked when played). */
async function segmentFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) {
    const rel = path.relative(dir, path.join(e.parentPath, e.name));
    if (e.isFile() && e.name.endsWith('.json') && !rel.split(path.sep).includes('blobs')) out.push(rel);
  }
  return out;
}

/** The floor: list, read and JSON.parse the same files, verifying nothing. */
async function rawRead(folder: string): Promise<number> {
  let events = 0;
  for (const rel of await segmentFiles(folder)) {
    const parsed = JSON.parse(await readFile(path.join(folder, rel), 'utf8')) as { events: unknown[] };
    events += parsed.events.length;
  }
  return events;
}

/** To the state the feed is built from; the cache is written behind it (see cachedMs). */
async function fullSync(folder: string, dataDir: string): Promise<GroupSync> {
  const sync = new GroupSync({ folder, dataDir, registry: appRegistry });
  const report = await sync.sync();
  if (report.status !== 'ok' || report.quarantined.length > 0) throw new Error(report.message);
  sync.state();
  return sync;
}

/** The app opening a joined group at start: its GroupService, from the cache, to the feed's view. */
function serviceFor(folder: string, dataDir: string, groupId: string, device: MemberDevice): GroupService {
  return new GroupService({
    groupId,
    folder,
    dataDir,
    device,
    saveClock: async () => {},
    speeches: {
      get: () => Promise.reject(new Error('not used')),
      mediaFile: async () => undefined,
      peaks: () => Promise.reject(new Error('not used')),
    },
    onChange: () => {},
    onStatus: () => {},
    registry: appRegistry,
  });
}

async function warmStart(folder: string, dataDir: string, keys: string): Promise<number> {
  const group = await readGroupId(folder);
  const device = await deviceOf(keys, 1);
  const service = serviceFor(folder, dataDir, group.groupId!, device);
  await service.loadCache();
  const view = await groupView(service, device.key.keyId);
  return view.feed.length;
}

/** The floor for a warm start: read the same cache files and parse every line and record, checking nothing. */
async function rawCache(dataDir: string): Promise<number> {
  const parsed: unknown[] = [];
  for (const name of await readdir(dataDir)) {
    if (name === EVENTS_FILE) {
      // One by one: spread into push, a big group's entries are more arguments than a call may take.
      for (const entry of cacheEntries(await readFile(path.join(dataDir, name)))) parsed.push(entry);
      continue;
    }
    if (!name.endsWith('.json') && !name.endsWith('.log')) continue;
    const text = await readFile(path.join(dataDir, name), 'utf8');
    for (const line of text.split('\n')) if (line) parsed.push(JSON.parse(line));
  }
  return parsed.length;
}

// A child process does one measured thing and reports its time and its peak resident memory, so
// Lectern and the baseline are measured the same way and neither inherits the other's heap.
if (process.argv[2] === '--child') {
  const [, , , what, folder, dataDir, keys] = process.argv as string[];
  const t0 = performance.now();
  const synced = what === 'fold' ? await fullSync(folder!, dataDir!) : null;
  const events = synced
    ? synced.allEvents().length
    : what === 'raw'
      ? await rawRead(folder!)
      : what === 'raw-cache'
        ? await rawCache(dataDir!)
        : await warmStart(folder!, dataDir!, keys!);
  const ms = performance.now() - t0;
  await synced?.cacheWritten();
  const cachedMs = performance.now() - t0;
  console.log(JSON.stringify({ ms, cachedMs, events, rssMb: process.resourceUsage().maxRSS / 1024 }));
  process.exit(0);
}

/**
 * Pairs of fresh processes (raw read, first sync) for a group. A small group's raw read is a hundred
 * or so reads of a few dozen ms in all, each a hop to libuv's thread pool, and on a two-core VM a hop
 * costs several times more when the pool thread wakes on the other core: 25–106 ms over 25 processes
 * at 10 members, most near 65. Three times the pairs keep the median from following where the
 * threads happened to land.
 */
function firstSyncPairs(members: number): number {
  return members <= 30 ? 3 * RUNS : RUNS;
}

interface ChildResult {
  ms: number;
  /** A first sync: until its cache is on disk too. */
  cachedMs: number;
  events: number;
  rssMb: number;
}
function inChild(
  what: 'raw' | 'fold' | 'warm' | 'raw-cache',
  folder: string,
  dataDir = '',
  keys = '',
): ChildResult {
  const result = spawnSync(
    process.execPath,
    ['--import', 'tsx', import.meta.filename, '--child', what, folder, dataDir, keys],
    { encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`child ${what} failed: ${result.stderr}`);
  return JSON.parse(result.stdout.trim().split('\n').at(-1)!) as ChildResult;
}

/**
 * BENCH_DEMO_DIR: a folder holding group-<n> and keys-<n> that `demo` wrote before (with the same
 * --members, --weeks 52 and --seed bench), copied instead of written again (300 members take minutes).
 */
async function reuseDemo(folder: string, keys: string, members: number): Promise<boolean> {
  const dir = process.env.BENCH_DEMO_DIR;
  if (!dir) return false;
  const [from, fromKeys] = [path.join(dir, `group-${members}`), path.join(dir, `keys-${members}`)];
  if (!(await stat(from).catch(() => null)) || !(await stat(fromKeys).catch(() => null))) return false;
  await cp(from, folder, { recursive: true });
  await cp(fromKeys, keys, { recursive: true });
  return true;
}

async function deviceOf(keys: string, member: number): Promise<MemberDevice> {
  const file = JSON.parse(await readFile(path.join(keys, `member-${member}.json`), 'utf8')) as {
    secretKey: string;
    devices: Record<string, { id: string; lastClock?: string }>;
  };
  const laptop = file.devices['laptop']!;
  return new MemberDevice(memberKeyFromSecret(hexToBytes(file.secretKey)), laptop.id, laptop.lastClock);
}

/** The app's write: one event into the outbox, the tiered merge, a publish. */
async function publishCost(outbox: Outbox, device: MemberDevice, label: string): Promise<number[]> {
  const ms: number[] = [];
  for (let i = 0; i < 2 * 8; i++) {
    // A format-2 event, as the app writes in a format-2 group (its links do not change the cost).
    const event = device.event(PROFILE_UPDATE, { bio: `${label} ${i}` }, Date.now(), []);
    const t0 = performance.now();
    await outbox.write(event);
    const published = await outbox.publish();
    ms.push(performance.now() - t0);
    if (published.status !== 'ok') throw new Error('publish failed');
  }
  return ms;
}

interface Row {
  members: number;
  /** Each run's measurement, for the goals. */
  samples: {
    raw: number[];
    fold: number[];
    rawRss: number[];
    foldRss: number[];
    incremental: number[];
    warm: number[];
    rawCache: number[];
  };
  events: number;
  demoS: number;
  segmentFiles: number;
  perMemberYear: number;
  raw: Figures;
  fold: Figures;
  foldCached: Figures;
  rawRss: Figures;
  foldRss: Figures;
  incremental: Figures;
  warm: Figures;
  rawCache: Figures;
}

async function measureSize(base: string, members: number): Promise<Row> {
  const folder = path.join(base, `group-${members}`);
  const keys = path.join(base, `keys-${members}`);
  const t0 = performance.now();
  const reused = await reuseDemo(folder, keys, members);
  const code = reused
    ? 0
    : await runGroupCli(
        [
          'demo',
          folder,
          '--keys',
          keys,
          '--members',
          String(members),
          '--weeks',
          String(WEEKS),
          '--seed',
          'bench',
        ],
        { out: () => {}, env: {} },
      );
  if (code !== 0) throw new Error(`demo exited ${code}`);
  const demoS = reused ? NaN : (performance.now() - t0) / 1000;
  const segments = (await segmentFiles(folder)).length - 1; // group.json aside

  const raws: ChildResult[] = [];
  const folds: ChildResult[] = [];
  for (let run = 0; run < firstSyncPairs(members); run++) {
    raws.push(inChild('raw', folder));
    folds.push(inChild('fold', folder, path.join(base, `data-${members}-${run}`)));
  }

  // The group screen on a warm start, in a new process each time, over the cache a first sync left.
  const warmDir = path.join(base, `data-${members}-0`);
  const warms: ChildResult[] = [];
  const rawCaches: ChildResult[] = [];
  for (let run = 0; run < RUNS; run++) {
    rawCaches.push(inChild('raw-cache', folder, warmDir));
    warms.push(inChild('warm', folder, warmDir, keys));
  }

  // One new event from another member, picked up by a warm engine (as in the running app): in turn a
  // speech, a critique and a profile update, so each of the big slices takes a change.
  const newKinds: DemoKind[] = ['speech', 'critique', 'profile'];
  const warm = new GroupSync({ folder, dataDir: path.join(base, `warm-${members}`), registry: appRegistry });
  await warm.sync();
  warm.state();
  const incremental: number[] = [];
  for (let i = 0; i < RUNS + 2; i++) {
    await appendDemoEvents({
      folder,
      keysDir: keys,
      member: 1 + (i % members),
      device: 'laptop',
      events: 1,
      now: Date.now(),
      kinds: [newKinds[i % newKinds.length]!],
    });
    const t1 = performance.now();
    const report = await warm.sync();
    warm.state();
    incremental.push(performance.now() - t1);
    if (report.newEvents.length !== 1)
      throw new Error(`expected 1 new event, got ${report.newEvents.length}`);
  }
  return {
    members,
    samples: {
      raw: raws.map((r) => r.ms),
      fold: folds.map((r) => r.ms),
      rawRss: raws.map((r) => r.rssMb),
      foldRss: folds.map((r) => r.rssMb),
      incremental,
      warm: warms.map((r) => r.ms),
      rawCache: rawCaches.map((r) => r.ms),
    },
    events: folds[0]!.events,
    demoS,
    segmentFiles: segments,
    perMemberYear: segments / (members + 1),
    raw: figures(raws.map((r) => r.ms)),
    fold: figures(folds.map((r) => r.ms)),
    foldCached: figures(folds.map((r) => r.cachedMs)),
    rawRss: figures(raws.map((r) => r.rssMb)),
    foldRss: figures(folds.map((r) => r.rssMb)),
    incremental: figures(incremental),
    warm: figures(warms.map((r) => r.ms)),
    rawCache: figures(rawCaches.map((r) => r.ms)),
  };
}

async function measurePublish(base: string, members: number): Promise<void> {
  const folder = path.join(base, `group-${members}`);
  const keys = path.join(base, `keys-${members}`);
  const group = await readGroupId(folder);
  if (!group.groupId) throw new Error(group.message);
  const device = await deviceOf(keys, 1);
  const outboxOf = (dataDir: string, deviceId: string) =>
    new Outbox({ dataDir, folder, key: device.key, group: group.groupId!, device: deviceId });
  // Member 1's laptop has written a year; a new computer of the same member has written nothing.
  const year = await publishCost(
    outboxOf(path.join(keys, 'outboxes', device.deviceId), device.deviceId),
    device,
    'year',
  );
  const fresh = new MemberDevice(device.key, 'f'.repeat(16), device.lastClock);
  const none = await publishCost(outboxOf(path.join(base, 'fresh-outbox'), fresh.deviceId), fresh, 'fresh');
  const floor: number[] = [];
  const bytes = await readFile(
    path.join(
      folder,
      (await segmentFiles(folder)).find((f) => f.includes('segments'))!,
    ),
  );
  for (let i = 0; i < 2 * 8; i++) {
    const t1 = performance.now();
    await writeFileAtomic(base, `floor/${i}.json`, bytes);
    floor.push(performance.now() - t1);
  }
  const [y, n, f] = [figures(year), figures(none), figures(floor)];
  declareGoal({
    issue: 13,
    goal: `publish one's own new event, a year of history (${members}-member group) vs none`,
    unit: 'ms',
    digits: 1,
    lectern: year,
    baseline: none,
    target: { on: 'median', atMost: 20 },
  });
  console.log(
    `\nPublishing one's own new event (write, tiered merge, publish), ${members}-member group, 16 writes each:`,
  );
  console.log(`  with a year of history   ${showFigures(y, 'ms')}`);
  console.log(
    `  with no history          ${showFigures(n, 'ms')}   year/none = ${(y.median / n.median).toFixed(2)}× (goal: flat, ~1×)`,
  );
  console.log(
    `  baseline: one durable file write ${showFigures(f, 'ms')}   year = ${(y.median / f.median).toFixed(1)}× it`,
  );
}

/** #13's goals that hold at every size, and those set at 100 or 300 members when that size was measured. */
function declareSizeGoals(row: Row): void {
  const size = `${row.members} × ${WEEKS}`;
  const { samples } = row;
  declareGoal({
    issue: 13,
    goal: `${size}: segment files per member-year`,
    unit: 'files',
    digits: 1,
    lectern: [row.perMemberYear],
    baseline: null,
    target: { on: 'median', atMost: 30 },
    exact: true,
  });
  declareGoal({
    issue: 13,
    goal: `${size}: first full sync vs raw read + parse`,
    unit: 'ms',
    lectern: samples.fold,
    baseline: samples.raw,
    target: { on: 'ratio', atMost: 3 },
  });
  if (row.members === 100) {
    declareGoal({
      issue: 13,
      goal: `${size}: first full sync`,
      unit: 'ms',
      lectern: samples.fold,
      baseline: samples.raw,
      target: { on: 'median', atMost: 3000 },
    });
    declareGoal({
      issue: 13,
      goal: `${size}: group screen, warm start (cache → feed) vs reading the cache`,
      unit: 'ms',
      lectern: samples.warm,
      baseline: samples.rawCache,
      target: { on: 'median', atMost: 1000 },
    });
  }
  if (row.members === 300) {
    declareGoal({
      issue: 13,
      goal: `${size}: first full sync, peak RSS`,
      unit: 'MB',
      lectern: samples.foldRss,
      baseline: samples.rawRss,
      target: { on: 'median', atMost: 400 },
    });
    declareGoal({
      issue: 13,
      goal: `${size}: one new event, warm engine`,
      unit: 'ms',
      digits: 1,
      lectern: samples.incremental,
      baseline: null,
      target: { on: 'median', atMost: 50 },
    });
  }
}

const base = await mkdtemp(path.join(tmpdir(), 'lectern-bench-sync-'));
try {
  const rows: Row[] = [];
  for (const members of SIZES) {
    const row = await measureSize(base, members);
    rows.push(row);
    console.log(
      `\n${members} members × ${WEEKS} weeks: ${row.events} events in ${row.segmentFiles} segment files ` +
        `(${row.perMemberYear.toFixed(1)} per member-year, goal ≤ 30); ${Number.isNaN(row.demoS) ? 'demo copied from BENCH_DEMO_DIR' : `demo wrote it in ${row.demoS.toFixed(1)} s`}`,
    );
    console.log(
      `  raw list + read + JSON.parse        ${showFigures(row.raw, 'ms', 0)}, peak RSS ${showFigures(row.rawRss, 'MB', 0)}`,
    );
    console.log(
      `  first full sync, empty cache        ${showFigures(row.fold, 'ms', 0)} = ${(row.fold.median / row.raw.median).toFixed(2)}× raw (goal ≤ 3×), ` +
        `peak RSS ${showFigures(row.foldRss, 'MB', 0)} = ${(row.foldRss.median / row.rawRss.median).toFixed(2)}× raw`,
    );
    console.log(
      `    its cache on disk too             ${showFigures(row.foldCached, 'ms', 0)} = ${(row.foldCached.median / row.raw.median).toFixed(2)}× raw (written behind the state)`,
    );
    console.log(
      `  group screen, warm start (cache → feed) ${showFigures(row.warm, 'ms', 0)} = ${(row.warm.median / row.rawCache.median).toFixed(2)}× reading and parsing the cache (${showFigures(row.rawCache, 'ms', 0)}) (goal ≤ 1 s at 100)`,
    );
    console.log(
      `  one new event, warm engine          ${showFigures(row.incremental, 'ms')} = 1/${(row.fold.median / row.incremental.median).toFixed(0)} of the full sync (goal ≤ 50 ms)`,
    );
    declareSizeGoals(row);
  }
  if (rows.length > 1) {
    const [first] = rows;
    console.log(
      '\nGrowth (× the smallest group): events, full-sync time, raw time, peak RSS of the full sync',
    );
    for (const r of rows)
      console.log(
        `  ${String(r.members).padStart(4)} members  events ${(r.events / first!.events).toFixed(1)}×  ` +
          `sync ${(r.fold.median / first!.fold.median).toFixed(1)}×  raw ${(r.raw.median / first!.raw.median).toFixed(1)}×  ` +
          `RSS ${(r.foldRss.median / first!.foldRss.median).toFixed(1)}×  (${((r.fold.median / r.events) * 1000).toFixed(0)} µs per event)`,
      );
  }
  await measurePublish(base, SIZES[0]!);
} finally {
  await rm(base, { recursive: true, force: true });
}
