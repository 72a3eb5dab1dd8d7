// What one writer can make a reader read and hold is bounded (design rule 10): clocks, per-device
// quotas decided the same way whatever order files arrive in, and only the events the fold can use
// kept, in memory and in the cache.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { copyFile, mkdir, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { segmentPath } from '../../../shared/group/folderLayout';
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
import { createSegment, encodeSegment } from '../../../shared/group/segment';
import { GroupSync } from './groupSync';
import { EVENTS_FILE } from './syncCache';
import type { GroupSyncOptions } from './groupSync';
import { writeGenesisFile } from './segmentWriter';
import { tempDir, writeSmallGroup } from './testGroupFolder';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});
/** Fresh temp directories, removed after the test. */
async function dirs<const N extends readonly string[]>(...prefixes: N): Promise<{ [K in keyof N]: string }> {
  const made = await Promise.all(prefixes.map((p) => tempDir(p)));
  cleanups.push(...made.map((m) => m.cleanup));
  return made.map((m) => m.dir) as { [K in keyof N]: string };
}

async function put(folder: string, rel: string, bytes: Uint8Array | string): Promise<void> {
  await mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
  await writeFile(path.join(folder, rel), bytes);
}

/** Signs `events` as segment `seq` of `device`'s directory (or `dir`, another device's) and writes it. */
async function segment(
  folder: string,
  groupId: string,
  device: MemberDevice,
  seq: number,
  events: GroupEvent[],
  dir = device.deviceId,
): Promise<string> {
  const rel = segmentPath(dir, seq, seq);
  const s = createSegment(device.key, { group: groupId, device: dir, first: seq, last: seq }, events);
  await put(folder, rel, encodeSegment(s));
  return rel;
}

describe('clocks', () => {
  let folder: string;
  let dataDir: string;
  beforeEach(async () => {
    [folder, dataDir] = await dirs('folder', 'data');
  });

  it("refuses a non-member's segment dated 23.9 h ahead, accepts a member's 9 minutes ahead, and reads the refused one again later", async () => {
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    const stranger = scenarioDevice('clocks', 9);
    const NOW = SCENARIO_T0 + HOUR;
    let now = NOW;
    const engine = new GroupSync({ folder, dataDir, now: () => now, registry: baseRegistry });
    const future = await segment(folder, group.groupId, stranger, 1, [
      joinEvent(stranger, NOW + 23.9 * HOUR, 'From the future'),
    ]);
    const soon = profileEvent(bo, NOW + 9 * 60_000, 'nine minutes ahead');
    await segment(folder, group.groupId, bo, 7, [soon]);

    const report = await engine.sync();
    expect(report.quarantined).toEqual([
      { path: future, reason: expect.stringMatching(/^clock-drift: .* more than 10 minutes ahead/) },
    ]);
    expect(engine.allEvents().at(-1)).toEqual(soon);
    expect(engine.state().state.slices.profiles).toMatchObject({
      [bo.key.keyId]: { bio: 'nine minutes ahead' },
    });

    now = NOW + DAY; // this computer's clock caught up (or the other one was right)
    const later = await engine.sync();
    expect(later.quarantined).toEqual([]);
    expect(engine.state().state.members[stranger.key.keyId]?.status).toBe('applicant');
  });
});

describe('clocks at the limit', () => {
  it('accepts an event dated exactly 10 minutes ahead and refuses one a millisecond later', async () => {
    const [folder, dataDir] = await dirs('folder', 'data');
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    const NOW = SCENARIO_T0 + HOUR + 0.5; // a wall clock with a fraction of a millisecond
    const engine = new GroupSync({ folder, dataDir, now: () => NOW, registry: baseRegistry });
    const limit = Math.floor(NOW) + 10 * 60_000;
    await segment(folder, group.groupId, bo, 7, [profileEvent(bo, limit, 'at the limit')]);
    const over = await segment(folder, group.groupId, bo, 8, [profileEvent(bo, limit + 1, 'past it')]);
    const report = await engine.sync();
    expect(report.quarantined).toEqual([{ path: over, reason: expect.stringMatching(/^clock-drift: /) }]);
    expect(engine.state().state.slices.profiles).toMatchObject({ [bo.key.keyId]: { bio: 'at the limit' } });
  });
});

describe('what is kept', () => {
  let folder: string;
  let dataDir: string;
  beforeEach(async () => {
    [folder, dataDir] = await dirs('folder', 'data');
  });

  it("keeps one join request of a stranger's 25 segments of 3.8 MB, in memory and in the cache", async () => {
    const group = await writeSmallGroup(folder);
    const stranger = scenarioDevice('flood', 9);
    const NOW = SCENARIO_T0 + 30 * DAY;
    for (let n = 1; n <= 25; n++) {
      const at = SCENARIO_T0 + n * DAY; // one a day: within the per-day quotas, so only retention holds them back
      const events = Array.from({ length: 200 }, (_, i) =>
        profileEvent(stranger, at + i, `${'spam '.repeat(40)}${n}/${i}`),
      );
      if (n === 1) events.unshift(joinEvent(stranger, at - 1, 'Flood'));
      const bytes = new TextDecoder().decode(
        encodeSegment(
          createSegment(
            stranger.key,
            { group: group.groupId, device: stranger.deviceId, first: n, last: n },
            events,
          ),
        ),
      );
      // Any JSON spelling is valid, so white space makes the file 3.8 MB.
      const pad = ' '.repeat(3_800_000 - bytes.length);
      await put(folder, segmentPath(stranger.deviceId, n, n), `${bytes.slice(0, -1)}${pad}}`);
    }
    expect((await stat(path.join(folder, segmentPath(stranger.deviceId, 25, 25)))).size).toBe(3_800_000);

    const engine = new GroupSync({ folder, dataDir, now: () => NOW, registry: baseRegistry });
    const report = await engine.sync();
    expect(report.quarantined).toEqual([]);
    const theirs = engine.allEvents().filter((e) => e.author === stranger.key.keyId);
    expect(theirs.map((e) => e.kind)).toEqual(['member.join-request']);
    expect(engine.allEvents()).toHaveLength(group.events.length + 1);
    expect(engine.state().state.members[stranger.key.keyId]?.status).toBe('applicant');
    // The cache holds the small group and one join request, not 5,000 events of spam.
    await engine.cacheWritten();
    expect((await stat(path.join(dataDir, EVENTS_FILE))).size).toBeLessThan(64 * 1024);
    const resumed = new GroupSync({ folder, dataDir, now: () => NOW, registry: baseRegistry });
    expect((await resumed.sync()).read).toBe(0);
    expect(resumed.allEvents()).toHaveLength(group.events.length + 1);
  }, 60_000);

  it("reads a key's earlier events again when a coach approves it, and they count", async () => {
    const group = await writeSmallGroup(folder);
    const coach = group.devices[0]!;
    const dee = scenarioDevice('late', 9);
    const NOW = SCENARIO_T0 + 2 * HOUR;
    const engine = new GroupSync({ folder, dataDir, now: () => NOW, registry: baseRegistry });
    await segment(folder, group.groupId, dee, 1, [joinEvent(dee, SCENARIO_T0 + 20 * 60_000, 'Dee')]);
    const early = profileEvent(dee, SCENARIO_T0 + 21 * 60_000, 'written before approval');
    await segment(folder, group.groupId, dee, 2, [early]);

    await engine.sync();
    await engine.cacheWritten();
    expect(engine.allEvents().map((e) => e.id)).not.toContain(early.id);
    const cache = path.join(dataDir, EVENTS_FILE);
    expect(await readFile(cache, 'utf8')).not.toContain(early.id);

    await segment(folder, group.groupId, coach, 9, [
      decisionEvent(coach, SCENARIO_T0 + HOUR, dee.key.keyId, 'approve'),
    ]);
    const report = await engine.sync();
    expect(report.newEvents.map((e) => e.id)).toContain(early.id);
    expect(engine.state().state.slices.profiles).toMatchObject({
      [dee.key.keyId]: { bio: 'written before approval' },
    });
    await engine.cacheWritten();
    const resumed = new GroupSync({ folder, dataDir, now: () => NOW, registry: baseRegistry });
    await resumed.sync();
    expect(resumed.state().hash).toBe(engine.state().hash);
  });

  it('forgets, in memory and in the cache, events of a key the roster does not know', async () => {
    const group = await writeSmallGroup(folder);
    const nobody = scenarioDevice('nobody', 9);
    const NOW = SCENARIO_T0 + 2 * HOUR;
    const spam = profileEvent(nobody, SCENARIO_T0 + HOUR, 'spam');
    const rel = await segment(folder, group.groupId, nobody, 1, [spam]);
    const engine = new GroupSync({ folder, dataDir, now: () => NOW, registry: baseRegistry });
    const report = await engine.sync();
    expect(report.quarantined).toEqual([{ path: rel, reason: expect.stringMatching(/^unknown-key/) }]);
    expect(engine.allEvents().map((e) => e.id)).not.toContain(spam.id);
    await engine.cacheWritten();
    expect(await readFile(path.join(dataDir, EVENTS_FILE), 'utf8')).not.toContain(spam.id);
  });
});

describe('per-device quotas', () => {
  it('refuses the segments past a day quota, by sequence number', async () => {
    const [folder, dataDir] = await dirs('folder', 'data');
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    const at = SCENARIO_T0 + 2 * HOUR;
    const batch = (n: number) => Array.from({ length: n }, (_, i) => profileEvent(bo, at + i, `update ${i}`));
    // Bo's three events of the small group and these 1,997 fill the day.
    await segment(folder, group.groupId, bo, 10, batch(1_997));
    const over = await segment(folder, group.groupId, bo, 11, batch(2));
    const nextDay = profileEvent(bo, at + DAY, 'the next day');
    await segment(folder, group.groupId, bo, 12, [nextDay]);
    const engine = new GroupSync({ folder, dataDir, now: () => at + 2 * DAY, registry: baseRegistry });
    const report = await engine.sync();
    expect(report.quarantined).toEqual([
      { path: over, reason: expect.stringMatching(/^quota: more than 2,000 events dated 2026-01-05/) },
    ]);
    expect(engine.allEvents()).toContainEqual(nextDay);
    expect(engine.allEvents()).toHaveLength(group.events.length + 1_997 + 1);
  });

  it('does not read the entries of a segments directory past its file quota, and forgets what they gave', async () => {
    const [folder, dataDir] = await dirs('folder', 'data');
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    // Bo's directory holds segments 1-3 of the small group; 4-7 make seven, two past a quota of 5.
    const bios = [4, 5, 6, 7].map((seq) => profileEvent(bo, SCENARIO_T0 + HOUR + seq, `seq ${seq}`));
    for (const [i, e] of bios.entries()) await segment(folder, group.groupId, bo, 4 + i, [e]);
    const engine = new GroupSync({
      folder,
      dataDir,
      now: () => SCENARIO_T0 + 2 * HOUR,
      quota: { files: 5 },
      registry: baseRegistry,
    });
    const dir = `devices/${bo.deviceId}/segments`;
    let report = await engine.sync();
    expect(report.quarantined).toEqual([
      { path: dir, reason: expect.stringMatching(/^quota: 2 entries past the 5 /) },
    ]);
    const kept = () => bios.map((e) => engine.allEvents().some((k) => k.id === e.id));
    expect(kept()).toEqual([true, true, false, false]);
    // A conflict copy of segment 1 comes next to it in sequence order, and pushes segment 5 past the quota.
    const one = segmentPath(bo.deviceId, 1, 1);
    await copyFile(
      path.join(folder, one),
      path.join(folder, one.replace('.json', ' (conflicted copy).json')),
    );
    report = await engine.sync();
    expect(report.quarantined).toEqual([
      { path: dir, reason: expect.stringMatching(/^quota: 3 entries past the 5 /) },
    ]);
    expect(kept()).toEqual([true, false, false, false]);
    await engine.cacheWritten();
    expect(await readFile(path.join(dataDir, EVENTS_FILE), 'utf8')).not.toContain(bios[1]!.id);
  });
});

/** A group whose member writes past a small day quota, with strangers, a conflict copy and junk. */
interface Universe {
  source: string;
  files: string[];
  groupId: string;
}

const QUOTA = { dayEvents: 3, dayBytes: 1024 * 1024, files: 7 };
const T = (day: number, minute: number) => SCENARIO_T0 + day * DAY + minute * 60_000;

async function universe(source: string): Promise<Universe> {
  const [coach, mia, sam, uma] = [0, 1, 2, 3].map((n) => scenarioDevice('quota', n)) as [
    MemberDevice,
    MemberDevice,
    MemberDevice,
    MemberDevice,
  ];
  const genesis = genesisEvent(coach, T(0, 0));
  const groupId = await writeGenesisFile(source, coach.key, coach.deviceId, genesis);
  const files: string[] = [];
  const seg = async (d: MemberDevice, seq: number, events: GroupEvent[], dir?: string) =>
    files.push(await segment(source, groupId, d, seq, events, dir));
  const p = (d: MemberDevice, at: number, bio: string) => profileEvent(d, at, bio);
  await seg(mia, 1, [joinEvent(mia, T(0, 1), 'Mia')]);
  await seg(sam, 1, [joinEvent(sam, T(0, 2), 'Sam')]);
  await seg(uma, 1, [joinEvent(uma, T(0, 3), 'Uma')]);
  await seg(coach, 1, [decisionEvent(coach, T(0, 10), mia.key.keyId, 'approve')]);
  // Mia's day quota is 3 events: 2 + 1 on day 1 fill it, so 4 and 6 (and the copy of 2) are refused.
  await seg(mia, 2, [p(mia, T(1, 1), 'a'), p(mia, T(1, 2), 'b')]);
  const copy = files.at(-1)!.replace('.json', '.sync-conflict-20260106-120000-ABCDEFG.json');
  await copyFile(path.join(source, files.at(-1)!), path.join(source, copy));
  files.push(copy);
  await seg(mia, 3, [p(mia, T(1, 3), 'c')]);
  await seg(mia, 4, [p(mia, T(1, 4), 'd')]);
  await seg(mia, 5, [p(mia, T(2, 1), 'e'), p(mia, T(2, 2), 'f')]);
  await seg(mia, 6, [p(mia, T(1, 5), 'g'), p(mia, T(2, 3), 'h')]);
  await seg(mia, 7, [p(mia, T(2, 4), 'i')]);
  // Another key in Mia's directory has its own quota there. Her directory then holds 10 entries: the
  // last 3 in sequence order (her 7, Uma's 8, the junk) are past the file quota and not read.
  await seg(uma, 8, [p(uma, T(1, 6), 'planted')], mia.deviceId);
  const junk = `devices/${mia.deviceId}/segments/zz-notes.txt`;
  await put(source, junk, 'junk');
  files.push(junk);
  // Sam is approved later, Uma never: Sam's earlier entries count, Uma keeps only her request.
  await seg(sam, 2, [p(sam, T(1, 7), 'sam before approval')]);
  await seg(uma, 2, [p(uma, T(1, 8), 'uma, never approved')]);
  await seg(coach, 2, [decisionEvent(coach, T(2, 10), sam.key.keyId, 'approve')]);
  return { source, files, groupId };
}

/** `undecidedBytes`: the app's budget (undefined), none, or one a few segments fill part-way through a pass. */
const syncOptions = (folder: string, dataDir: string, undecidedBytes?: number): GroupSyncOptions => ({
  folder,
  dataDir,
  now: () => T(3, 0),
  registry: baseRegistry,
  quota: QUOTA,
  ...(undecidedBytes === undefined ? {} : { undecidedBytes }),
});

async function outcome(engine: GroupSync) {
  const report = await engine.sync();
  return {
    quarantined: report.quarantined,
    events: engine.allEvents().map((e) => e.id),
    hash: engine.state().hash,
  };
}

describe('quotas and retention, whatever the arrival order (property)', () => {
  it('the same files, arriving in any order and batches, quarantine the same files and keep the same events', async () => {
    const [source, refFolder, refData] = await dirs('source', 'ref-folder', 'ref-data');
    const u = await universe(source);
    await copyFile(path.join(source, 'group.json'), path.join(refFolder, 'group.json'));
    for (const rel of u.files) {
      await mkdir(path.dirname(path.join(refFolder, rel)), { recursive: true });
      await copyFile(path.join(source, rel), path.join(refFolder, rel));
    }
    const expected = await outcome(new GroupSync(syncOptions(refFolder, refData)));
    const mia = u.files[0]!.split('/')[1]!;
    expect(expected.quarantined).toEqual([
      { path: `devices/${mia}/segments`, reason: expect.stringMatching(/^quota: 3 entries past the 7 /) },
      {
        path: segmentPath(mia, 2, 2).replace('.json', '.sync-conflict-20260106-120000-ABCDEFG.json'),
        reason: expect.stringMatching(/^quota: more than 3 events dated 2026-01-06/),
      },
      { path: segmentPath(mia, 4, 4), reason: expect.stringMatching(/^quota: more than 3 events/) },
      { path: segmentPath(mia, 6, 6), reason: expect.stringMatching(/^quota: more than 3 events/) },
    ]);
    // Genesis, 2 approvals, Mia's request and 5 accepted profile events, Sam's 2, Uma's request.
    expect(expected.events).toHaveLength(1 + 2 + 6 + 2 + 1);

    await fc.assert(
      fc.asyncProperty(
        fc.shuffledSubarray(u.files, { minLength: u.files.length, maxLength: u.files.length }),
        fc.array(fc.integer({ min: 1, max: 5 }), { minLength: u.files.length, maxLength: u.files.length }),
        fc.array(fc.boolean(), { minLength: u.files.length, maxLength: u.files.length }),
        fc.constantFrom(undefined, 0, 2_000),
        async (order, batchSizes, restarts, undecided) => {
          const [folder, dataDir] = await dirs('folder', 'data');
          await copyFile(path.join(source, 'group.json'), path.join(folder, 'group.json'));
          let engine = new GroupSync(syncOptions(folder, dataDir, undecided));
          for (let i = 0, b = 0; i < order.length; b++) {
            for (const rel of order.slice(i, i + batchSizes[b]!)) {
              await mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
              await copyFile(path.join(source, rel), path.join(folder, rel));
            }
            i += batchSizes[b]!;
            await engine.sync();
            // A restarted app resumes from its cache (quitting waits for the cache write).
            if (restarts[b]) {
              await engine.cacheWritten();
              engine = new GroupSync(syncOptions(folder, dataDir, undecided));
            }
          }
          expect(await outcome(engine)).toEqual(expected);
          await engine.cacheWritten();
          expect(await outcome(new GroupSync(syncOptions(folder, dataDir, undecided)))).toEqual(expected);
        },
      ),
      { numRuns: 25 },
    );
  }, 120_000);
});
