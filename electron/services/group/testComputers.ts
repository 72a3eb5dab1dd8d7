// Computers for the group services' tests: each with its own data folder, speech store and Groups
// (a fast key-backup KDF, no watcher: the tests call syncNow), and the start most two-computer stories
// share, a coach's new group with one approved member.
import path from 'node:path';
import type { GroupStatus } from '../../../shared/api/groupContract';
import type { KindRegistry } from '../../../shared/group/kindRegistry';
import { SpeechStore } from '../speeches/speechStore';
import { Groups } from './groups';
import type { GroupsOptions } from './groups';

/** scrypt cheap enough for tests (the app's parameters take a second a key). */
export const FAST_SCRYPT = { N: 2 ** 10, r: 8, p: 1 };

export interface TestComputer {
  dataDir: string;
  speeches: SpeechStore;
  groups: Groups;
  /** Group ids as onChange announced them, and every status onStatus announced. */
  changes: string[];
  statuses: GroupStatus[];
  keyId(): Promise<string>;
}

/** A computer whose data folder is `root/name`; every fold names its registry. */
export function testComputer(
  root: string,
  name: string,
  options: { registry: KindRegistry } & Partial<Pick<GroupsOptions, 'now' | 'sealer'>>,
): TestComputer {
  const dataDir = path.join(root, name);
  const speeches = new SpeechStore(path.join(dataDir, 'speeches'));
  const changes: string[] = [];
  const statuses: GroupStatus[] = [];
  const groups = new Groups({
    dataDir,
    speeches,
    onChange: (id) => changes.push(id),
    onStatus: (status) => statuses.push(status),
    watch: false,
    scrypt: FAST_SCRYPT,
    ...options,
  });
  const keyId = async () => (await groups.identity.current()).key.keyId;
  return { dataDir, speeches, groups, changes, statuses, keyId };
}

/** The coach creates a group in `folder`, the member asks to join, the coach approves; both synced. */
export async function coachWithMember(
  coach: TestComputer,
  member: TestComputer,
  folder: string,
  names: { group: string; coach: string; member: string } = {
    group: '周三演讲社',
    coach: '王老师',
    member: '安娜',
  },
): Promise<{ groupId: string; sync: () => Promise<unknown> }> {
  const { groupId } = await coach.groups.create({
    folder,
    name: names.group,
    charter: '',
    timeZone: 'Asia/Shanghai',
    coachName: names.coach,
  });
  await member.groups.join(folder, names.member);
  await coach.groups.get(groupId).syncNow();
  await coach.groups.get(groupId).decide(await member.keyId(), 'approve');
  await member.groups.get(groupId).syncNow();
  const sync = () => Promise.all([coach, member].map((c) => c.groups.get(groupId).syncNow()));
  return { groupId, sync };
}
