import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readdir, rename } from 'node:fs/promises';
import path from 'node:path';
import { foldGroup, stateHash } from '../../../shared/group/fold';
import {
  SCENARIO_T0,
  decisionEvent,
  joinEvent,
  profileEvent,
  scenarioDevice,
} from '../../../shared/group/scenario';
import { GroupSync } from './groupSync';
import { Outbox } from './outbox';
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
    const sync = new GroupSync({ folder });
    await sync.sync();
    expect(sync.state().hash).toBe(stateHash(foldGroup(group.groupId, all)));
    expect(sync.state().state.members[dan.key.keyId]?.status).toBe('member');

    await outbox.compact();
    const after = await outbox.publish();
    expect(after.status === 'ok' && after.removed).toHaveLength(2);
    const names = await readdir(path.join(folder, 'devices', dan.deviceId, 'segments'));
    expect(names).toEqual(['000000000001-000000000002.json']);
    await sync.sync();
    expect(sync.state().hash).toBe(stateHash(foldGroup(group.groupId, all)));
  });
});
