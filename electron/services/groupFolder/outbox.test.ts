import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile, rename, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { foldGroup, stateHash } from '../../../shared/group/fold';
import { segmentFileName } from '../../../shared/group/folderLayout';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import {
  SCENARIO_T0,
  decisionEvent,
  joinEvent,
  profileEvent,
  scenarioDevice,
} from '../../../shared/group/scenario';
import { createSegment, encodeSegment } from '../../../shared/group/segment';
import { GroupSync } from './groupSync';
import { Outbox } from './outbox';
import type { PublishResult } from './outbox';
import { tempDir, writeSmallGroup, writerFor } from './testGroupFolder';

let folder: string;
let dataDir: string;
let cleanups: Array<() => Promise<void>> = [];
beforeEach(async () => {
  const a = await tempDir('outbox-folder');
  const b = await tempDir('outbox-data');
  [folder, dataDir] = [a.dir, b.dir];
  cleanups = [a.cleanup, b.cleanup];
});
afterEach(async () => {
  for (const c of cleanups) await c();
});

describe('Outbox', () => {
  it('writes locally while the folder is away, publishes when it is back, and replaces compacted files', async () => {
    const group = await writeSmallGroup(folder);
    const coach = group.devices[0]!;
    const dan = scenarioDevice('small', 5);
    const outbox = new Outbox({ dataDir, folder, key: dan.key, group: group.groupId, device: dan.deviceId });
    await rename(folder, `${folder}-away`);
    const e1 = joinEvent(dan, SCENARIO_T0 + 3_600_000, 'Dan');
    const e2 = profileEvent(dan, SCENARIO_T0 + 3_600_001, 'offline, before approval');
    await outbox.append([e1]);
    await outbox.append([e2]);
    expect(await outbox.publish()).toEqual({ status: 'missing-folder' });
    await rename(`${folder}-away`, folder);
    const published = await outbox.publish();
    expect(published.status === 'ok' && published.published).toHaveLength(2);
    const approval = decisionEvent(coach, SCENARIO_T0 + 3_700_000, dan.key.keyId, 'approve');
    await writerFor(folder, group.groupId, coach).append([approval]);
    const all = [...group.events, e1, e2, approval];
    const sync = new GroupSync({ folder, registry: baseRegistry });
    await sync.sync();
    expect(sync.state().hash).toBe(stateHash(foldGroup(group.groupId, all, baseRegistry)));
    expect(sync.state().state.members[dan.key.keyId]?.status).toBe('member');

    await outbox.compact();
    const after = await outbox.publish();
    expect(after.status === 'ok' && after.removed).toHaveLength(2);
    const names = await readdir(path.join(folder, 'devices', dan.deviceId, 'segments'));
    expect(names).toEqual(['000000000001-000000000002.json']);
    await sync.sync();
    expect(sync.state().hash).toBe(stateHash(foldGroup(group.groupId, all, baseRegistry)));
  });
});

const LATER = SCENARIO_T0 + 3_600_000;
const TWELVE_DIGITS = /^\d{12}-\d{12}\.json$/;

/** Ana (an approved member, whose segments 1 and 2 are in the folder) publishing through her outbox. */
async function anaWithOutbox() {
  const group = await writeSmallGroup(folder);
  const ana = group.devices[1]!;
  const outbox = new Outbox({ dataDir, folder, key: ana.key, group: group.groupId, device: ana.deviceId });
  const rel = (name: string) => `devices/${ana.deviceId}/segments/${name}`;
  return { group, ana, outbox, rel, dir: path.join(folder, 'devices', ana.deviceId, 'segments') };
}

function ok(result: PublishResult) {
  if (result.status !== 'ok') throw new Error(`publish: ${result.status}`);
  return result;
}

async function readerSees(events: GroupEvent[]): Promise<boolean> {
  const sync = new GroupSync({ folder, registry: baseRegistry });
  await sync.sync();
  const ids = new Set(sync.allEvents().map((e) => e.id));
  return events.every((e) => ids.has(e.id));
}

describe('Outbox against files planted in its own folder directory', () => {
  it('a planted 999999999999-999999999999.json (not even JSON) changes no name and stops no share', async () => {
    const { ana, outbox, rel, dir } = await anaWithOutbox();
    const plantedName = '999999999999-999999999999.json';
    await writeFile(path.join(dir, plantedName), 'not even JSON');
    const first = profileEvent(ana, LATER, 'after the plant');
    expect((await outbox.append([first])).relPath).toBe('outbox/000000000003-000000000003.json');
    const result = ok(await outbox.publish());
    expect(result.published).toEqual([rel('000000000003-000000000003.json')]);
    expect(result.problems).toEqual([
      { path: rel(plantedName), reason: expect.stringMatching(/^invalid-segment: .*unparsable/) },
    ]);
    expect(await outbox.pending()).toBe(0);
    expect(await readerSees([first])).toBe(true);
    // Later shares keep going, still 12 digits wide.
    const second = profileEvent(ana, LATER + 1, 'and again');
    await outbox.append([second]);
    expect(ok(await outbox.publish()).published).toEqual([rel('000000000004-000000000004.json')]);
    expect(await readerSees([first, second])).toBe(true);
    expect((await readdir(dir)).every((n) => TWELVE_DIGITS.test(n))).toBe(true);
    expect(await readFile(path.join(dir, plantedName), 'utf8')).toBe('not even JSON');
  });

  it('a file planted under our next number is kept, and our events go out under a fresh number', async () => {
    const { ana, outbox, rel, dir } = await anaWithOutbox();
    const mine = profileEvent(ana, LATER, 'mine');
    await outbox.append([mine]); // written while the planted file was not there yet
    const name = '000000000003-000000000003.json';
    const plantedBytes = '{"format":"lectern-segment","version":1,"note":"planted"}';
    await writeFile(path.join(dir, name), plantedBytes);
    const before = await stat(path.join(dir, name));
    expect(await outbox.pending()).toBe(1); // the folder does not hold our bytes

    const result = ok(await outbox.publish());
    const fresh = rel('000000000004-000000000004.json');
    expect(result.renumbered).toEqual([{ from: rel(name), to: fresh }]);
    expect(result.published).toEqual([fresh]);
    expect(result.problems).toEqual([
      {
        path: rel(name),
        reason: expect.stringMatching(/^renumbered-after-conflict: .*published again as 000000000004-/),
      },
    ]);
    // The planted file is evidence: not rewritten, not replaced, not deleted.
    const after = await stat(path.join(dir, name));
    expect([after.ino, after.mtimeMs, await readFile(path.join(dir, name), 'utf8')]).toEqual([
      before.ino,
      before.mtimeMs,
      plantedBytes,
    ]);
    // The outbox holds the renumbered segment instead of the one that collided; nothing is lost.
    expect(await readdir(path.join(dataDir, 'outbox'))).toEqual(['000000000004-000000000004.json']);
    expect(await readerSees([mine])).toBe(true);
    expect(await outbox.pending()).toBe(0);
    // Next time it is just a bad file in our directory.
    const again = ok(await outbox.publish());
    expect(again.renumbered).toEqual([]);
    expect(again.problems).toEqual([{ path: rel(name), reason: expect.stringMatching(/^invalid-segment/) }]);
  });

  it('a sync conflict on our own segment (another copy of this device) loses neither side', async () => {
    const { group, ana, outbox, rel, dir } = await anaWithOutbox();
    const mine = profileEvent(ana, LATER, 'from this copy');
    await outbox.append([mine]);
    // A restored copy of this computer's data writes its own segment 3 straight into the folder.
    const other = profileEvent(ana, LATER + 5, 'from the other copy');
    await writerFor(folder, group.groupId, ana).append([other]);
    const result = ok(await outbox.publish());
    expect(result.renumbered).toEqual([
      { from: rel('000000000003-000000000003.json'), to: rel('000000000004-000000000004.json') },
    ]);
    expect(result.problems[0]?.reason).toMatch(/^renumbered-after-conflict: held another segment/);
    expect(await readerSees([mine, other])).toBe(true);
    // Compacting and publishing never removes the other copy's segment: it holds events ours lacks.
    await outbox.append([profileEvent(ana, LATER + 10, 'more')]);
    await outbox.compact();
    const compacted = ok(await outbox.publish());
    expect(compacted.published).toEqual([rel('000000000004-000000000005.json')]);
    expect(compacted.removed).toEqual([rel('000000000004-000000000004.json')]);
    expect(await readdir(dir)).toContain('000000000003-000000000003.json');
    expect(await readerSees([mine, other])).toBe(true);
  });

  it('ignores a segment signed by another key, or misnamed, in our directory, and lists it', async () => {
    const { group, ana, outbox, rel, dir } = await anaWithOutbox();
    const coach = group.devices[0]!;
    const foreign = createSegment(
      coach.key,
      { group: group.groupId, device: ana.deviceId, first: 500, last: 500 },
      [profileEvent(coach, LATER, "in Ana's directory")],
    );
    await writeFile(path.join(dir, segmentFileName(500, 500)), encodeSegment(foreign));
    // One of Ana's own segments copied under a higher number.
    const misnamed = segmentFileName(700, 700);
    await writeFile(path.join(dir, misnamed), await readFile(path.join(dir, segmentFileName(1, 1))));
    const mine = profileEvent(ana, LATER + 1, 'mine');
    expect((await outbox.append([mine])).relPath).toBe('outbox/000000000003-000000000003.json');
    const result = ok(await outbox.publish());
    expect(result.published).toEqual([rel('000000000003-000000000003.json')]);
    expect(result.problems).toEqual([
      { path: rel(segmentFileName(500, 500)), reason: expect.stringMatching(/^foreign-signed: /) },
      { path: rel(misnamed), reason: 'name-mismatch: the file inside is 000000000001-000000000001.json' },
    ]);
    expect(await readerSees([mine])).toBe(true);
  });

  it('skips names already taken when numbering, and a compaction never removes what is not ours', async () => {
    const { ana, outbox, rel, dir } = await anaWithOutbox();
    await outbox.append([profileEvent(ana, LATER, 'one')]);
    ok(await outbox.publish());
    const planted = segmentFileName(4, 4);
    await writeFile(path.join(dir, planted), 'garbage');
    expect((await outbox.append([profileEvent(ana, LATER + 1, 'two')])).relPath).toBe(
      `outbox/${segmentFileName(5, 5)}`,
    );
    ok(await outbox.publish());
    await outbox.compact();
    const result = ok(await outbox.publish());
    expect(result.published).toEqual([rel(segmentFileName(3, 5))]);
    expect(result.removed).toEqual([rel(segmentFileName(3, 3)), rel(segmentFileName(5, 5))]);
    expect(await readFile(path.join(dir, planted), 'utf8')).toBe('garbage');
  });
});
