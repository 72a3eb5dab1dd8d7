// Starting the groups never waits for a folder: each group opens with what this computer already knows
// of it, and its first sync runs in the background.
import path from 'node:path';
import { afterEach, beforeEach, expect, it, vi } from 'vitest';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { GroupSync } from '../groupFolder/groupSync';
import { tempDir } from '../groupFolder/testGroupFolder';
import { GroupService } from './groupService';
import { testComputer, type TestComputer } from './testComputers';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: root, cleanup } = await tempDir('groups-start')));
afterEach(async () => {
  vi.restoreAllMocks();
  await cleanup();
});

const computer = (name: string) => testComputer(root, name, { registry: baseRegistry });
const createFridayGroup = (c: TestComputer, folder: string) =>
  c.groups.create({ folder, name: 'Friday speakers', charter: '', timeZone: 'UTC', coachName: 'C' });

it('opens every group from its cache and leaves the first sync running in the background', async () => {
  const folder = path.join(root, 'shared-folder');
  const first = computer('coach');
  const { groupId } = await createFridayGroup(first, folder);

  // The folder is slow (a network share waking up): a pass over it does not end until released.
  let release!: () => void;
  const slow = new Promise<void>((resolve) => (release = resolve));
  const realPass = GroupSync.prototype.sync;
  vi.spyOn(GroupSync.prototype, 'sync').mockImplementation(async function (this: GroupSync) {
    await slow;
    return realPass.call(this);
  });
  const syncs = vi.spyOn(GroupService.prototype, 'syncNow');

  await first.groups.stop(); // quitting waits for the cache write
  const restarted = computer('coach');
  await restarted.groups.start();

  expect(syncs).toHaveBeenCalledTimes(1); // started, not awaited
  expect(restarted.statuses).toEqual([]); // and not finished
  // The group answers meanwhile, from what this computer already knew of it.
  expect(restarted.groups.get(groupId).state().state.group?.name).toBe('Friday speakers');
  expect(await restarted.groups.list()).toEqual([{ groupId, name: 'Friday speakers', folder }]);
  // A status asked for now is that first sync's, not a second sync queued behind it.
  const status = restarted.groups.get(groupId).status();

  release();
  await restarted.groups.firstSyncs;
  expect((await status).folderState).toBe('ok');
  expect(syncs).toHaveBeenCalledTimes(1);
  expect(restarted.statuses.map((s) => [s.groupId, s.folderState])).toEqual([[groupId, 'ok']]);
});

it('quits without waiting for a folder that hangs, with the last finished sync in its cache', async () => {
  const folder = path.join(root, 'network-share');
  const coach = computer('coach');
  const { groupId } = await createFridayGroup(coach, folder);
  // The share stops answering: the next pass never ends.
  const realPass = GroupSync.prototype.sync;
  vi.spyOn(GroupSync.prototype, 'sync').mockImplementation(() => new Promise(() => {}));
  void coach.groups.get(groupId).syncNow();
  await coach.groups.stop();

  // The next start finds the group in the cache the finished sync wrote.
  vi.spyOn(GroupSync.prototype, 'sync').mockImplementation(realPass);
  const restarted = computer('coach');
  await restarted.groups.start();
  expect(restarted.groups.get(groupId).state().state.group?.name).toBe('Friday speakers');
  await restarted.groups.firstSyncs;
});
