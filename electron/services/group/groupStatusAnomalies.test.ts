// Two computers sharing one group folder, where a sync tool leaves conflict copies of group.json
// and of a member's segment: the status names them (and what each copies), the group reads on as
// before, and they leave the status once someone deletes them.
import { copyFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { tempDir } from '../groupFolder/testGroupFolder';
import { testComputer } from './testComputers';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: root, cleanup } = await tempDir('anomalies')));
afterEach(() => cleanup());

const computer = (name: string) => testComputer(root, name, { registry: baseRegistry });

describe('a group folder with conflict copies in it', () => {
  it('lists them in the status with their originals, reads on, and drops them once deleted', async () => {
    const folder = path.join(root, 'Sync', '周三演讲社');
    const coach = computer('coach');
    const member = computer('member');
    const { groupId } = await coach.groups.create({
      folder,
      name: '周三演讲社',
      charter: '',
      timeZone: 'Asia/Shanghai',
      coachName: '王老师',
    });
    await member.groups.join(folder, '安娜');
    const memberDevice = (await member.groups.identity.current()).deviceId;
    const segments = `devices/${memberDevice}/segments`;
    const [joinSegment] = await readdir(path.join(folder, segments));
    const segment = `${segments}/${joinSegment}`;
    const coachGroup = coach.groups.get(groupId);
    expect((await coachGroup.syncNow()).anomalies).toEqual([]);

    // What Syncthing and Dropbox leave when two computers wrote these files.
    const genesisCopy = 'group.sync-conflict-20261206-104512-ABCDEFG.json';
    const segmentCopy = segment.replace('.json', ' (conflicted copy 2026-12-06).json');
    await copyFile(path.join(folder, 'group.json'), path.join(folder, genesisCopy));
    await copyFile(path.join(folder, segment), path.join(folder, segmentCopy));

    const status = await coachGroup.syncNow();
    expect(status).toMatchObject({ folderState: 'ok', quarantined: [] });
    expect(status.anomalies).toEqual([
      { kind: 'conflict-copy', path: segmentCopy, original: segment },
      { kind: 'conflict-copy', path: genesisCopy, original: 'group.json' },
    ]);
    expect(coach.statuses.at(-1)?.anomalies).toHaveLength(2); // announced, not only returned
    const applicant = Object.values(coachGroup.state().state.members).find((m) => m.displayName === '安娜');
    expect(applicant?.status).toBe('applicant');
    expect((await member.groups.get(groupId).syncNow()).anomalies).toHaveLength(2); // every computer hears

    await rm(path.join(folder, genesisCopy));
    await rm(path.join(folder, segmentCopy));
    expect((await coachGroup.syncNow()).anomalies).toEqual([]);
  });
});
