import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { mkdir, readdir, readFile, utimes, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCENARIO_T0, profileEvent, smallGroup } from '../../../shared/group/scenario';
import { parseSegment } from '../../../shared/group/segment';
import { BlobStore } from './blobStore';
import { SegmentWriter } from './segmentWriter';
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
});
