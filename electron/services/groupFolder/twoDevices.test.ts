// Two devices, each with its own copy of the group folder, and a simulated sync tool that
// delivers files late, shuffled, twice, half-written first, and as conflict copies. After
// full delivery both copies must fold to the same state hash, with no valid event missing.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { foldGroup, stateHash } from '../../../shared/group/fold';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import type { MemberDevice } from '../../../shared/group/memberDevice';
import {
  SCENARIO_T0,
  decisionEvent,
  genesisEvent,
  joinEvent,
  profileEvent,
  scenarioDevice,
} from '../../../shared/group/scenario';
import { GroupSync } from './groupSync';
import { writeGenesisFile } from './segmentWriter';
import { tempDir, writerFor } from './testGroupFolder';

const t = (minutes: number) => SCENARIO_T0 + minutes * 60_000;
const NOW = t(600);

// Fixed story: the coach writes on device A, Ana on device B.
const coach = scenarioDevice('two', 0);
const ana = scenarioDevice('two', 1);
const genesis = genesisEvent(coach, t(0));
const groupId = genesis.id;
const coachEvents: GroupEvent[] = [
  decisionEvent(coach, t(3), ana.key.keyId, 'approve'),
  profileEvent(coach, t(4), '教练 coach'),
  profileEvent(coach, t(8), 'coach again'),
];
const anaEvents: GroupEvent[] = [
  joinEvent(ana, t(1), '安娜'),
  profileEvent(ana, t(2), 'before approval'),
  profileEvent(ana, t(5), 'after approval'),
  profileEvent(ana, t(6), 'more', 'Ana'),
  profileEvent(ana, t(7), 'last'),
];
const expectedHash = stateHash(foldGroup(groupId, [genesis, ...coachEvents, ...anaEvents], baseRegistry));

async function listFiles(root: string, rel = ''): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(path.join(root, rel), { withFileTypes: true })) {
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...(await listFiles(root, r)));
    else if (!e.name.startsWith('.')) out.push(r);
  }
  return out;
}

/** Longer than the kernel's timestamp tick (up to 10 ms), so a settled directory's mtime is exact. */
const SETTLE_MS = 25;
const settle = () => new Promise((resolve) => setTimeout(resolve, SETTLE_MS + 5));

type Delivery = 'whole' | 'half-then-whole' | 'twice' | 'with-conflict-copy' | 'late';
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

async function writeInBatches(folder: string, device: MemberDevice, events: GroupEvent[], sizes: number[]) {
  const writer = writerFor(folder, groupId, device);
  let i = 0;
  for (let b = 0; i < events.length; b++) {
    const n = Math.max(1, sizes[b % sizes.length]!);
    await writer.append(events.slice(i, i + n));
    i += n;
  }
}

describe('two devices through a misbehaving sync tool', () => {
  it('converge to the same state hash (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.integer({ min: 1, max: 3 }), { minLength: 1, maxLength: 4 }),
        fc.array(
          fc.constantFrom<Delivery>('whole', 'half-then-whole', 'twice', 'with-conflict-copy', 'late'),
          { minLength: 12, maxLength: 12 },
        ),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 1 }),
        fc.array(fc.nat(), { minLength: 30, maxLength: 30 }),
        fc.array(fc.boolean(), { minLength: 12, maxLength: 12 }),
        async (batchSizes, deliveries, syncAfter, compactOn, order, pauses) => {
          const a = await tempDir('dev-a');
          const b = await tempDir('dev-b');
          const data = await tempDir('data');
          cleanups.push(a.cleanup, b.cleanup, data.cleanup);
          await writeGenesisFile(a.dir, coach.key, coach.deviceId, genesis);
          await mkdir(b.dir, { recursive: true });
          await writeFile(path.join(b.dir, 'group.json'), await readFile(path.join(a.dir, 'group.json')));
          await writeInBatches(a.dir, coach, coachEvents, batchSizes);
          await writeInBatches(b.dir, ana, anaEvents, [...batchSizes].reverse());
          if (compactOn === 1) await writerFor(b.dir, groupId, ana).compact();

          // Directories settle within milliseconds here, so the engines trust unchanged ones (and
          // their listings) as they would after two seconds on a real folder.
          const engine = (dir: string, side: string) =>
            new GroupSync({
              folder: dir,
              dataDir: path.join(data.dir, side),
              now: () => NOW,
              registry: baseRegistry,
              directoryTrust: { settleMs: SETTLE_MS },
            });
          const engines = { a: engine(a.dir, 'a'), b: engine(b.dir, 'b') };
          // Every file the other side lacks, in a shuffled order decided by the deliveries array.
          const pending: Array<{ from: string; to: string; rel: string; side: 'a' | 'b' }> = [];
          for (const rel of await listFiles(a.dir))
            if (rel !== 'group.json') pending.push({ from: a.dir, to: b.dir, rel, side: 'b' });
          for (const rel of await listFiles(b.dir))
            if (rel !== 'group.json') pending.push({ from: b.dir, to: a.dir, rel, side: 'a' });
          const late: typeof pending = [];
          let k = 0;
          const shuffled = pending
            .map((item, i) => ({ item, key: order[i % 30]! * 100 + i }))
            .sort((x, y) => x.key - y.key);
          for (const { item } of shuffled) {
            const how = deliveries[k % 12]!;
            const bytes = await readFile(path.join(item.from, item.rel));
            const target = path.join(item.to, item.rel);
            await mkdir(path.dirname(target), { recursive: true });
            if (how === 'late') late.push(item);
            else if (how === 'half-then-whole') {
              await writeFile(target, bytes.subarray(0, Math.floor(bytes.length / 2)));
              if (pauses[k % 12]) await settle(); // then its directory stays as it is from here on
              await engines[item.side].sync(); // the reader sees the truncated file first
              await writeFile(target, bytes);
            } else {
              await writeFile(target, bytes);
              if (how === 'twice') await writeFile(target, bytes);
              if (how === 'with-conflict-copy')
                await writeFile(
                  target.replace(/\.json$/, '.sync-conflict-20261126-120000-ABCDEFG.json'),
                  bytes,
                );
            }
            if (pauses[k % 12]) await settle();
            if (syncAfter[k % 12]) await engines[item.side].sync();
            k++;
          }
          for (const item of late) {
            const target = path.join(item.to, item.rel);
            await mkdir(path.dirname(target), { recursive: true });
            await writeFile(target, await readFile(path.join(item.from, item.rel)));
          }
          const [ra, rb] = [await engines.a.sync(), await engines.b.sync()];
          expect(ra.quarantined).toEqual([]);
          expect(rb.quarantined).toEqual([]);
          expect(engines.a.state().hash).toBe(expectedHash);
          expect(engines.b.state().hash).toBe(expectedHash);
          expect(engines.a.allEvents()).toHaveLength(1 + coachEvents.length + anaEvents.length);
          await Promise.all([engines.a.cacheWritten(), engines.b.cacheWritten()]);
        },
      ),
      // File I/O per run: a modest count keeps the suite fast; each run is a full two-device story.
      { numRuns: 10 },
    );
  });
});
