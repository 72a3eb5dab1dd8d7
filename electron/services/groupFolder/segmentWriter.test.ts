import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { segmentFileName } from '../../../shared/group/folderLayout';
import { PROFILE_UPDATE } from '../../../shared/group/groupEvent';
import { SCENARIO_T0, profileEvent, smallGroup } from '../../../shared/group/scenario';
import { createSegment, encodeSegment, parseSegment } from '../../../shared/group/segment';
import { BlobStore } from './blobStore';
import { MAX_SEQ, SegmentWriter, SequenceExhaustedError } from './segmentWriter';
import { tempDir, writerFor } from './testGroupFolder';

const NOW = Date.now();
let folder: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: folder, cleanup } = await tempDir('writer')));
afterEach(() => cleanup());

describe('SegmentWriter', () => {
  it("numbers segments under the device's own directory and leaves no temp files", async () => {
    const { groupId, devices } = smallGroup('writer');
    const bo = devices[2]!;
    const writer = writerFor(folder, groupId, bo);
    const a = await writer.append([profileEvent(bo, SCENARIO_T0 + 1, 'one')]);
    const b = await writer.append([
      profileEvent(bo, SCENARIO_T0 + 2, 'two'),
      profileEvent(bo, SCENARIO_T0 + 3, 'three'),
    ]);
    expect(a.relPath).toBe(`devices/${bo.deviceId}/segments/000000000001-000000000001.json`);
    expect(b.segment.first).toBe(2);
    const dir = path.join(folder, 'devices', bo.deviceId, 'segments');
    expect(await readdir(dir)).toEqual(['000000000001-000000000001.json', '000000000002-000000000002.json']);
    const parsed = parseSegment(await readFile(path.join(folder, b.relPath)), {
      group: groupId,
      device: bo.deviceId,
    });
    expect(parsed.ok && parsed.segment.events.length).toBe(2);
  });

  it('compacts its segments into one file with the same events, then keeps numbering after it', async () => {
    const { groupId, devices } = smallGroup('compact');
    const ana = devices[1]!;
    const writer = writerFor(folder, groupId, ana);
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await writer.append([profileEvent(ana, SCENARIO_T0 + i, `bio ${i}`)])).segment.events[0]!.id);
    const [merged] = await writer.compact();
    expect(merged!.segment.events.map((e) => e.id).sort()).toEqual([...ids].sort());
    expect((await writer.list()).map((f) => f.name)).toEqual(['000000000001-000000000005.json']);
    expect((await writer.append([profileEvent(ana, SCENARIO_T0 + 9, 'later')])).segment.first).toBe(6);
    expect(await writer.compact()).toHaveLength(1);
    expect((await writer.list()).map((f) => f.name)).toEqual(['000000000001-000000000006.json']);
  });

  it('merges format-1 and format-2 segments only with their own kind, losing neither', async () => {
    const { groupId, devices } = smallGroup('writer-versions');
    const bo = devices[2]!;
    const writer = writerFor(folder, groupId, bo);
    const old = [1, 2, 3].map((i) => profileEvent(bo, SCENARIO_T0 + i, `format 1 #${i}`));
    for (const e of old) await writer.append([e]);
    const linked = [4, 5, 6].map((i) =>
      bo.event(PROFILE_UPDATE, { bio: `format 2 #${i}` }, SCENARIO_T0 + i, [old[2]!]),
    );
    for (const e of linked) await writer.append([e]);
    const written = await writer.compact();
    expect(written.map((w) => [w.segment.version, w.segment.first, w.segment.last])).toEqual([
      [1, 1, 3],
      [2, 4, 6],
    ]);
    const dir = path.join(folder, 'devices', bo.deviceId, 'segments');
    expect((await readdir(dir)).sort()).toEqual([segmentFileName(1, 3), segmentFileName(4, 6)]);
  });

  it("cleans up what its own crashed writes left, never another device's files or a live write", async () => {
    const { groupId, devices } = smallGroup('sweep');
    const [ana, bo] = [devices[1]!, devices[2]!];
    const dir = (d: typeof ana, sub: string) => path.join(folder, 'devices', d.deviceId, sub);
    const plant = async (d: typeof ana, sub: string, name: string, ageMs: number) => {
      await mkdir(dir(d, sub), { recursive: true });
      await writeFile(path.join(dir(d, sub), name), 'half a file');
      const at = (NOW - ageMs) / 1000;
      await utimes(path.join(dir(d, sub), name), at, at);
    };
    const HOUR = 3_600_000;
    await plant(bo, 'segments', '.lectern-aaaaaaaaaaaa.tmp', HOUR); // crashed long ago
    await plant(bo, 'segments', '.lectern-bbbbbbbbbbbb.tmp', 1000); // still being written
    await plant(ana, 'segments', '.lectern-cccccccccccc.tmp', HOUR); // another device's
    await plant(bo, 'blobs', '.lectern-dddddddddddd.tmp', HOUR);
    const writer = new SegmentWriter({
      root: folder,
      dir: `devices/${bo.deviceId}/segments`,
      key: bo.key,
      group: groupId,
      device: bo.deviceId,
      now: () => NOW,
    });
    await writer.append([profileEvent(bo, SCENARIO_T0 + 1, 'after a crash')]);
    expect(await readdir(dir(bo, 'segments'))).toEqual([
      '.lectern-bbbbbbbbbbbb.tmp',
      '000000000001-000000000001.json',
    ]);
    expect(await readdir(dir(ana, 'segments'))).toEqual(['.lectern-cccccccccccc.tmp']);
    await new BlobStore(folder, bo.deviceId, undefined, () => NOW).put(new Uint8Array([1, 2, 3]));
    expect((await readdir(dir(bo, 'blobs'))).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('numbers after its own valid segments only, skipping names already taken by anything', async () => {
    const { groupId, devices } = smallGroup('planted');
    const [coach, bo] = [devices[0]!, devices[2]!];
    const writer = writerFor(folder, groupId, bo);
    const dir = path.join(folder, 'devices', bo.deviceId, 'segments');
    await writer.append([profileEvent(bo, SCENARIO_T0 + 1, 'one')]);
    await writeFile(path.join(dir, segmentFileName(MAX_SEQ, MAX_SEQ)), 'not even JSON');
    await writeFile(path.join(dir, segmentFileName(2, 2)), 'planted on our next number');
    const foreign = createSegment(coach.key, { group: groupId, device: bo.deviceId, first: 50, last: 50 }, [
      profileEvent(coach, SCENARIO_T0 + 2, "in Bo's directory"),
    ]);
    await writeFile(path.join(dir, segmentFileName(50, 50)), encodeSegment(foreign));
    await mkdir(path.join(dir, segmentFileName(3, 3)));
    await writeFile(path.join(dir, 'notes.txt'), 'hello');

    const next = await writer.append([profileEvent(bo, SCENARIO_T0 + 3, 'two')]);
    expect(next.segment.first).toBe(4); // 2 and 3 are taken; 50 and 999999999999 are not ours
    const scan = await writer.scan();
    expect(scan.segments.map((f) => f.name)).toEqual([segmentFileName(1, 1), segmentFileName(4, 4)]);
    expect(scan.highest).toBe(4);
    const rel = (n: string) => `devices/${bo.deviceId}/segments/${n}`;
    expect(scan.problems).toEqual([
      { path: rel(segmentFileName(2, 2)), reason: expect.stringMatching(/^invalid-segment: .*unparsable/) },
      { path: rel(segmentFileName(3, 3)), reason: expect.stringMatching(/^unexpected-directory/) },
      {
        path: rel(segmentFileName(50, 50)),
        reason: expect.stringMatching(/^foreign-signed: signed by key /),
      },
      { path: rel(segmentFileName(MAX_SEQ, MAX_SEQ)), reason: expect.stringMatching(/^invalid-segment/) },
      { path: rel('notes.txt'), reason: expect.stringMatching(/^unexpected-file/) },
    ]);
  });

  it('refuses, with a typed error, to write a name wider than 12 digits', async () => {
    const { groupId, devices } = smallGroup('full');
    const bo = devices[2]!;
    const dir = path.join(folder, 'devices', bo.deviceId, 'segments');
    await mkdir(dir, { recursive: true });
    // Bo's own, validly signed segment at the last number there is.
    const last = createSegment(
      bo.key,
      { group: groupId, device: bo.deviceId, first: MAX_SEQ, last: MAX_SEQ },
      [profileEvent(bo, SCENARIO_T0 + 1, 'the very last')],
    );
    await writeFile(path.join(dir, segmentFileName(MAX_SEQ, MAX_SEQ)), encodeSegment(last));
    const writer = writerFor(folder, groupId, bo);
    await expect(writer.append([profileEvent(bo, SCENARIO_T0 + 2, 'one more')])).rejects.toBeInstanceOf(
      SequenceExhaustedError,
    );
    expect(await readdir(dir)).toEqual([segmentFileName(MAX_SEQ, MAX_SEQ)]);
  });

  it('never compacts over a file that is not one of the segments it merges', async () => {
    const { groupId, devices } = smallGroup('compact-planted');
    const ana = devices[1]!;
    const writer = writerFor(folder, groupId, ana);
    for (let i = 0; i < 2; i++) await writer.append([profileEvent(ana, SCENARIO_T0 + i, `bio ${i}`)]);
    const dir = path.join(folder, 'devices', ana.deviceId, 'segments');
    await writeFile(path.join(dir, segmentFileName(1, 2)), 'planted where the merged file would go');
    expect(await writer.compact()).toEqual([]);
    expect((await readdir(dir)).sort()).toEqual([
      segmentFileName(1, 1),
      segmentFileName(1, 2),
      segmentFileName(2, 2),
    ]);
    expect(await readFile(path.join(dir, segmentFileName(1, 2)), 'utf8')).toBe(
      'planted where the merged file would go',
    );
  });
});
