import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  mkdir,
  readFile,
  readdir,
  rename,
  stat,
  symlink,
  truncate,
  utimes,
  writeFile,
} from 'node:fs/promises';
import path from 'node:path';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { canonicalBytes } from '../../../shared/group/canonical';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { foldGroup, stateHash } from '../../../shared/group/fold';
import { segmentPath } from '../../../shared/group/folderLayout';
import { createMemberKey } from '../../../shared/group/identity';
import { MemberDevice } from '../../../shared/group/memberDevice';
import { SCENARIO_T0, decisionEvent, profileEvent } from '../../../shared/group/scenario';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { createSegment, encodeSegment } from '../../../shared/group/segment';
import { BlobStore } from './blobStore';
import { GroupSync } from './groupSync';
import { readGroupId } from './genesisFile';
import { EVENTS_FILE, cacheEntries, eventRecords } from './syncCache';
import { tempDir, writeSmallGroup, writerFor } from './testGroupFolder';

const NOW = SCENARIO_T0 + 3_600_000;
let folder: string;
let dataDir: string;
let cleanups: Array<() => Promise<void>> = [];
beforeEach(async () => {
  const a = await tempDir('folder');
  const b = await tempDir('data');
  folder = a.dir;
  dataDir = b.dir;
  cleanups = [a.cleanup, b.cleanup];
});
afterEach(async () => {
  for (const c of cleanups) await c();
});

const sync = (dir = dataDir) =>
  new GroupSync({ folder, dataDir: dir, now: () => NOW, verifyBlobs: true, registry: baseRegistry });
const write = async (rel: string, bytes: Uint8Array | string) => {
  await mkdir(path.dirname(path.join(folder, rel)), { recursive: true });
  await writeFile(path.join(folder, rel), bytes);
};

describe('GroupSync', () => {
  it('reports a missing folder and a folder that is not a group, without throwing', async () => {
    const gone = new GroupSync({ folder: path.join(folder, 'nope'), dataDir, registry: baseRegistry });
    expect((await gone.sync()).status).toBe('missing-folder');
    expect((await sync().sync()).status).toBe('not-a-group');
    await write('group.json', 'garbage');
    const report = await sync().sync();
    expect(report.status).toBe('not-a-group');
    expect(report.quarantined[0]?.reason).toMatch(/unparsable/);
  });

  it('folds the folder to the same state as the events, and reads only what changed', async () => {
    const group = await writeSmallGroup(folder);
    const engine = sync();
    const first = await engine.sync();
    expect(first.status).toBe('ok');
    expect(first.quarantined).toEqual([]);
    expect(first.read).toBe(first.files);
    expect(engine.state().hash).toBe(stateHash(foldGroup(group.groupId, group.events, baseRegistry)));

    expect((await engine.sync()).read).toBe(0);
    const ana = group.devices[1]!;
    await writerFor(folder, group.groupId, ana).append([profileEvent(ana, NOW - 1000, 'new bio')]);
    const third = await engine.sync();
    expect([third.read, third.newEvents.length]).toEqual([1, 1]);

    // A new engine over the same data dir (after a restart, which waits for the cache) resumes from the
    // persisted cursor and event cache.
    await engine.cacheWritten();
    const resumed = sync();
    expect((await resumed.sync()).read).toBe(0);
    expect(resumed.state().hash).toBe(engine.state().hash);
  });

  it('trusts a settled, unchanged directory until the next full pass, and reads a new segment in it at once', async () => {
    const group = await writeSmallGroup(folder);
    let clock = NOW;
    const engine = new GroupSync({
      folder,
      dataDir,
      now: () => clock,
      registry: baseRegistry,
      directoryTrust: { settleMs: 20, fullPassEveryMs: 60_000 },
    });
    expect((await engine.sync()).quarantined).toEqual([]); // first sync: every file
    await new Promise((resolve) => setTimeout(resolve, 50));
    const settled = await engine.sync(); // lists the directories again, now settled
    expect(settled.files).toBeGreaterThan(2);

    // A segment rewritten in place (a thing no writer does: segments are immutable) leaves its
    // directory as it was, so it is only looked at again on the next full pass.
    const ana = group.devices[1]!;
    const anaSegments = await readdir(path.join(folder, 'devices', ana.deviceId, 'segments'));
    const tampered = `devices/${ana.deviceId}/segments/${anaSegments[0]}`;
    await writeFile(path.join(folder, tampered), 'rewritten in place');
    const trusting = await engine.sync();
    expect([trusting.read, trusting.files, trusting.quarantined]).toEqual([0, settled.files, []]);

    // A new segment moves its directory's mtime: read at once.
    await writerFor(folder, group.groupId, ana).append([profileEvent(ana, NOW - 1000, 'new bio')]);
    const fresh = await engine.sync();
    expect(fresh.newEvents.map((e) => e.kind)).toEqual(['member.profile']);

    clock += 60_000;
    const full = await engine.sync();
    expect(full.quarantined.map((q) => q.path)).toEqual([tampered]);
  });

  it("skips files in flight and sync tools' own files, and reads conflict copies as the duplicates they are", async () => {
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    const rel = segmentPath(bo.deviceId, 1, 1);
    const bytes = await readFile(path.join(folder, rel));
    await write(
      `devices/${bo.deviceId}/segments/.syncthing.000000000009-000000000009.json.tmp`,
      bytes.subarray(0, 20),
    );
    await write(`devices/${bo.deviceId}/segments/.000000000009-000000000009.json.icloud`, 'placeholder');
    await write('.stfolder/x', '');
    await write(rel.replace('.json', '.sync-conflict-20261126-120000-ABCDEFG.json'), bytes);
    await write(rel.replace('.json', ' (conflicted copy 2026-11-26).json'), bytes);
    const engine = sync();
    const report = await engine.sync();
    expect(report.quarantined).toEqual([]);
    expect(report.inFlight).toHaveLength(2);
    expect(engine.state().hash).toBe(stateHash(foldGroup(group.groupId, group.events, baseRegistry)));
  });

  it('keeps the events of a conflict copy that holds more than the original', async () => {
    const group = await writeSmallGroup(folder);
    const ana = group.devices[1]!;
    const extra = profileEvent(ana, NOW - 500, 'only in the conflict copy');
    const seg = createSegment(ana.key, { group: group.groupId, device: ana.deviceId, first: 1, last: 1 }, [
      extra,
    ]);
    await write(
      segmentPath(ana.deviceId, 1, 1).replace('.json', '.sync-conflict-20261126-120000-ABCDEFG.json'),
      encodeSegment(seg),
    );
    const engine = sync();
    await engine.sync();
    expect(engine.allEvents().map((e) => e.id)).toContain(extra.id);
  });

  it('quarantines every kind of hostile file with a reason and leaves the state exactly as it was', async () => {
    const group = await writeSmallGroup(folder);
    const engine = sync();
    await engine.sync();
    const before = engine.state().hash;
    const bo = group.devices[2]!;
    const good = encodeSegment(
      createSegment(bo.key, { group: group.groupId, device: bo.deviceId, first: 7, last: 7 }, [
        profileEvent(bo, NOW - 100, 'x'),
      ]),
    );
    const dir = `devices/${bo.deviceId}/segments`;
    const tampered = Uint8Array.from(good);
    const text = new TextDecoder().decode(good);
    const sigAt = text.indexOf('"signature":"') + 13;
    tampered[sigAt] = tampered[sigAt] === 0x30 ? 0x31 : 0x30; // one hex digit of the signature
    const edited = Uint8Array.from(good);
    edited[text.indexOf('"bio":"x"') + 7] = 0x79; // "x" becomes "y": valid JSON, no longer its id
    const stranger = new MemberDevice(createMemberKey(new Uint8Array(32).fill(5)), 'ffffffffffffffff');
    const otherGroup = createSegment(
      bo.key,
      { group: 'e'.repeat(64), device: bo.deviceId, first: 8, last: 8 },
      [profileEvent(bo, NOW - 90, 'y')],
    );
    const future = createSegment(bo.key, { group: group.groupId, device: bo.deviceId, first: 9, last: 9 }, [
      profileEvent(bo, NOW + 25 * 3_600_000, 'from the future'),
    ]);
    const blobs = new BlobStore(folder, bo.deviceId);
    const sha = await blobs.put(utf8ToBytes('audio'));
    const hostile: Record<string, Uint8Array | string> = {
      [`${dir}/000000000010-000000000010.json`]: good.subarray(0, good.length - 40),
      [`${dir}/000000000011-000000000011.json`]: tampered,
      [`${dir}/000000000016-000000000016.json`]: edited,
      [`${dir}/000000000012-000000000012.json`]: canonicalBytes({
        ...JSON.parse(new TextDecoder().decode(good)),
        version: 99,
      }),
      [`${dir}/000000000013-000000000013.json`]: good, // holds segment 7: name mismatch
      [`${dir}/000000000008-000000000008.json`]: encodeSegment(otherGroup),
      [`${dir}/000000000009-000000000009.json`]: encodeSegment(future),
      [`devices/${stranger.deviceId}/segments/000000000007-000000000007.json`]: good, // wrong device directory
      [`${dir}/000000000014-000000000014.json`]: new Uint8Array(5 * 1024 * 1024),
      [`devices/${bo.deviceId}/notes.txt`]: 'hello',
      'README.txt': 'hello',
    };
    for (const [rel, bytes] of Object.entries(hostile)) await write(rel, bytes);
    await writeFile(path.join(folder, 'devices', bo.deviceId, 'blobs', sha), 'not the audio');
    await symlink('/etc/passwd', path.join(folder, dir, '000000000015-000000000015.json'));
    await symlink('/etc', path.join(folder, 'devices', 'aaaaaaaaaaaaaaaa'));
    // A validly signed segment from a key nobody admitted.
    const spam = await writerFor(folder, group.groupId, stranger).append([
      profileEvent(stranger, NOW - 50, 'spam'),
    ]);

    const report = await engine.sync();
    const reasons = Object.fromEntries(
      report.quarantined.map((q) => [
        q.path,
        q.reason.split(/[:\s]/)[0] === 'segment'
          ? q.reason.split(' ')[1]!.replace(':', '')
          : q.reason.split(':')[0],
      ]),
    );
    expect(reasons).toEqual({
      [`${dir}/000000000010-000000000010.json`]: 'unparsable',
      [`${dir}/000000000011-000000000011.json`]: 'bad-signature',
      [`${dir}/000000000012-000000000012.json`]: 'unsupported-version',
      [`${dir}/000000000016-000000000016.json`]: 'bad-event-id',
      [`${dir}/000000000013-000000000013.json`]: 'name-mismatch',
      [`${dir}/000000000008-000000000008.json`]: 'wrong-group',
      [`${dir}/000000000009-000000000009.json`]: 'clock-drift',
      [`devices/${stranger.deviceId}/segments/000000000007-000000000007.json`]: 'wrong-device',
      [`${dir}/000000000014-000000000014.json`]: 'oversized',
      [`devices/${bo.deviceId}/notes.txt`]: 'unexpected-file',
      'README.txt': 'unexpected-file',
      [`devices/${bo.deviceId}/blobs/${sha}`]: 'blob hash-mismatch',
      [`${dir}/000000000015-000000000015.json`]: 'symlink',
      'devices/aaaaaaaaaaaaaaaa': 'symlink',
      [spam.relPath]: 'unknown-key',
    });
    expect(engine.state().hash).toBe(before);
    // Quarantine never deletes.
    expect(await readFile(path.join(folder, 'README.txt'), 'utf8')).toBe('hello');
  });

  it('skips what a crashed writer left behind (a temporary file), so no partial segment is ever read', async () => {
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    const bytes = await readFile(path.join(folder, segmentPath(bo.deviceId, 1, 1)));
    await write(`devices/${bo.deviceId}/segments/.lectern-0123456789ab.tmp`, bytes.subarray(0, 17));
    const engine = sync();
    const report = await engine.sync();
    expect(report.quarantined).toEqual([]);
    expect(report.inFlight).toEqual([`devices/${bo.deviceId}/segments/.lectern-0123456789ab.tmp`]);
    expect(engine.state().hash).toBe(stateHash(foldGroup(group.groupId, group.events, baseRegistry)));
    expect(await readGroupId(folder)).toMatchObject({ status: 'ok', groupId: group.groupId });
    expect(await readGroupId(path.join(folder, 'devices'))).toMatchObject({ status: 'not-a-group' });
  });

  it('reads a half-written segment once it is whole', async () => {
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    const bytes = encodeSegment(
      createSegment(bo.key, { group: group.groupId, device: bo.deviceId, first: 5, last: 5 }, [
        profileEvent(bo, NOW - 100, 'late'),
      ]),
    );
    const rel = segmentPath(bo.deviceId, 5, 5);
    await write(rel, bytes.subarray(0, 30));
    const engine = sync();
    expect((await engine.sync()).quarantined.map((q) => q.path)).toEqual([rel]);
    await write(rel, bytes);
    const report = await engine.sync();
    expect(report.quarantined).toEqual([]);
    expect(report.newEvents).toHaveLength(1);
  });

  it('hands back the state before its cache is on disk, and the next pass reports a cache write that failed', async () => {
    const group = await writeSmallGroup(folder);
    const expected = stateHash(foldGroup(group.groupId, group.events, baseRegistry));
    // The data folder cannot be written (a file sits where its parent should be, as a full disk fails).
    await writeFile(path.join(dataDir, 'not-a-directory'), '');
    const engine = sync(path.join(dataDir, 'not-a-directory', 'cache'));
    const first = await engine.sync();
    expect([first.status, first.read]).toEqual(['ok', first.files]);
    expect(engine.state().hash).toBe(expected);
    await expect(engine.sync()).rejects.toMatchObject({ code: 'ENOTDIR' });
    // Reported once: the pass after it runs, and nothing it folded is lost.
    expect((await engine.sync()).status).toBe('ok');
    await expect(engine.cacheWritten()).rejects.toMatchObject({ code: 'ENOTDIR' });
    expect(engine.state().hash).toBe(expected);

    // A writable data folder: once the write is done, a restart reads nothing again.
    const writable = sync();
    await writable.sync();
    await writable.cacheWritten();
    expect((await sync().sync()).read).toBe(0);
  });

  it('reads everything again when the event cache lost its tail (power loss), never missing events', async () => {
    const group = await writeSmallGroup(folder);
    const engine = sync();
    const first = await engine.sync();
    await engine.cacheWritten();
    const cache = path.join(dataDir, EVENTS_FILE);
    // Power lost while the last record was written: it is cut short, and what it held is lost.
    await truncate(cache, (await stat(cache)).size - 3);
    const resumed = sync();
    expect((await resumed.sync()).read).toBe(first.files);
    expect(resumed.state().hash).toBe(stateHash(foldGroup(group.groupId, group.events, baseRegistry)));
  });

  it('reads again only the file whose line in the cache was lost', async () => {
    const group = await writeSmallGroup(folder);
    const engine = sync();
    await engine.sync();
    await engine.cacheWritten();
    const cache = path.join(dataDir, EVENTS_FILE);
    const entries = [...cacheEntries(await readFile(cache))] as (
      GroupEvent | { file: string; ids: string[] }
    )[];
    const events = entries.filter((entry): entry is GroupEvent => !('file' in entry));
    const sources = entries.filter((entry) => 'file' in entry);
    // The last file's entry of which events it gave is lost.
    const given = new Map(sources.slice(0, -1).map(({ file, ids }) => [file, ids]));
    await writeFile(cache, eventRecords(events, given));
    const resumed = sync();
    expect((await resumed.sync()).read).toBe(1);
    expect(resumed.state().hash).toBe(stateHash(foldGroup(group.groupId, group.events, baseRegistry)));
    expect(resumed.allEvents()).toHaveLength(group.events.length);
  });

  it('reads again, on the next full pass, a file replaced by one of the same size and mtime', async () => {
    const group = await writeSmallGroup(folder);
    const bo = group.devices[2]!;
    const rel = segmentPath(bo.deviceId, 1, 1);
    const T = Math.floor(NOW / 1000) - 60; // whole seconds: every filesystem keeps them exactly
    await utimes(path.join(folder, rel), T, T);
    let clock = NOW;
    const engine = new GroupSync({ folder, dataDir, now: () => clock, registry: baseRegistry });
    await engine.sync();
    const original = await stat(path.join(folder, rel));
    // A sync tool delivers other bytes of the same length and restores the sender's mtime.
    const bytes = await readFile(path.join(folder, rel));
    const other = Uint8Array.from(bytes);
    const at = bytes.indexOf('"signature":"') + 13; // one hex digit of the signature
    other[at] = other[at] === 0x30 ? 0x31 : 0x30;
    await writeFile(path.join(folder, `${rel}.new`), other);
    await utimes(path.join(folder, `${rel}.new`), T, T);
    await rename(path.join(folder, `${rel}.new`), path.join(folder, rel));
    const replaced = await stat(path.join(folder, rel));
    expect([replaced.size, replaced.mtimeMs]).toEqual([original.size, original.mtimeMs]);
    // Segments are immutable, so between full passes a file read before is taken as it was.
    expect((await engine.sync()).read).toBe(0);
    clock += 5 * 60_000;
    const report = await engine.sync();
    expect(report.read).toBe(1);
    expect(report.quarantined).toEqual([{ path: rel, reason: expect.stringMatching(/bad-signature/) }]);
  });

  it('flags segments written after their author was removed', async () => {
    const group = await writeSmallGroup(folder);
    const [coach, , bo] = group.devices as [MemberDevice, MemberDevice, MemberDevice];
    await writerFor(folder, group.groupId, coach).append([
      decisionEvent(coach, NOW - 1000, bo.key.keyId, 'remove'),
    ]);
    const late = await writerFor(folder, group.groupId, bo).append([
      profileEvent(bo, NOW - 500, 'after removal'),
    ]);
    const engine = sync();
    const report = await engine.sync();
    expect(report.quarantined).toEqual([
      { path: late.relPath, reason: expect.stringMatching(/^removed-key/) },
    ]);
  });

  it('keeps working while the folder is gone, and catches up when it returns', async () => {
    await writeSmallGroup(folder);
    const engine = sync();
    await engine.sync();
    const hash = engine.state().hash;
    await rename(folder, `${folder}-away`);
    const away = await engine.sync();
    expect(away.status).toBe('missing-folder');
    expect(engine.state().hash).toBe(hash);
    await rename(`${folder}-away`, folder);
    expect((await engine.sync()).status).toBe('ok');
    expect(engine.state().hash).toBe(hash);
  });
});
