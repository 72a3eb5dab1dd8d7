import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { SCENARIO_T0, profileEvent, smallGroup } from '../../../shared/group/scenario';
import { parseSegment } from '../../../shared/group/segment';
import { tempDir, writerFor } from './testGroupFolder';

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
});
