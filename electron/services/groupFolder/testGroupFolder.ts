// Test support: real temp folders holding a small group written by real SegmentWriters.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEVICES_DIR, SEGMENTS_DIR } from '../../../shared/group/folderLayout';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import type { MemberDevice } from '../../../shared/group/memberDevice';
import { smallGroup } from '../../../shared/group/scenario';
import { SegmentWriter, writeGenesisFile } from './segmentWriter';

export async function tempDir(prefix: string): Promise<{ dir: string; cleanup: () => Promise<void> }> {
  const dir = await mkdtemp(path.join(tmpdir(), `lectern-${prefix}-`));
  return { dir, cleanup: () => rm(dir, { recursive: true, force: true }) };
}

export function writerFor(folder: string, groupId: string, device: MemberDevice): SegmentWriter {
  return new SegmentWriter({
    root: folder,
    dir: `${DEVICES_DIR}/${device.deviceId}/${SEGMENTS_DIR}`,
    key: device.key,
    group: groupId,
    device: device.deviceId,
  });
}

/** Writes the small scenario group into `folder`: genesis, then one segment per event, per author. */
export async function writeSmallGroup(folder: string, seed = 'small') {
  const group = smallGroup(seed);
  const [genesis, ...rest] = group.events as [GroupEvent, ...GroupEvent[]];
  const coach = group.devices[0]!;
  await writeGenesisFile(folder, coach.key, coach.deviceId, genesis);
  for (const e of rest) {
    const device = group.devices.find((d) => d.key.keyId === e.author)!;
    await writerFor(folder, group.groupId, device).append([e]);
  }
  return group;
}
