// The services as a host starts them: one host per data folder (a second is refused, naming the
// first, until the first is closed), and a member key that cannot be read does not stop the start: it
// is reported, its bytes are kept, group features say why they wait, and a backup brings them back.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Events } from '../../shared/api/contract';
import { EventHub } from '../../shared/api/eventHub';
import { createMemberKey } from '../../shared/group/identity';
import { exportKeyBackup } from '../../shared/group/keyBackup';
import { createAppServices } from './appServices';
import type { AppServices } from './appServices';
import { DataFolderInUseError } from './dataFolderLock';
import { tempDir } from './groupFolder/testGroupFolder';

let root: string;
let cleanup: () => Promise<void>;
const running: AppServices[] = [];
beforeEach(async () => {
  ({ dir: root, cleanup } = await tempDir('services'));
});
afterEach(async () => {
  for (const services of running.splice(0)) await services.release();
  await cleanup();
});

async function start(dataDir: string, kind: 'app' | 'web' = 'app'): Promise<AppServices> {
  const services = await createAppServices(dataDir, new EventHub<Events>(), { kind });
  running.push(services);
  return services;
}

describe('createAppServices', () => {
  it('refuses a second host on one data folder, naming the first, and starts once it is released', async () => {
    const dataDir = path.join(root, 'data');
    const first = await start(dataDir, 'web');
    const second = await createAppServices(dataDir, new EventHub<Events>(), { kind: 'app' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(second).toBeInstanceOf(DataFolderInUseError);
    expect((second as Error).message).toContain(`in use by Lectern (web host, process ${process.pid}`);

    await first.release();
    running.splice(running.indexOf(first), 1);
    const again = await start(dataDir);
    expect((await again.groups.identity.report()).keyId).toMatch(/^[0-9a-f]{64}$/);
  });

  it('starts with a damaged key file, says so, keeps its bytes, and is whole again after a backup', async () => {
    const dataDir = path.join(root, 'data');
    await mkdir(path.join(dataDir, 'identity'), { recursive: true });
    const garbage = Buffer.from('{"version": 1, "keyId": "ab", "secretKey": \u0000 torn by a crash');
    await writeFile(path.join(dataDir, 'identity', 'member-key.json'), garbage);

    const services = await start(dataDir);
    const report = await services.groups.identity.report();
    expect(report).toMatchObject({ keyId: null, problem: { reason: 'unreadable' } });
    const kept = path.join(dataDir, report.problem!.keptAs);
    expect(path.basename(kept)).toMatch(/^member-key\.unreadable-.+\.json$/);
    expect(await readFile(kept)).toEqual(garbage);
    // Group features say why they wait, instead of making a new key over the old one.
    await expect(
      services.groups.create({
        folder: path.join(root, 'g'),
        name: 'G',
        charter: '',
        timeZone: 'UTC',
        coachName: 'C',
      }),
    ).rejects.toMatchObject({ code: 'unavailable', messageKey: 'errors.identityUnreadable' });

    // A restart does not quietly make a new key either.
    await services.release();
    running.splice(running.indexOf(services), 1);
    const restarted = await start(dataDir);
    expect((await restarted.groups.identity.report()).problem).toEqual(report.problem);

    const key = createMemberKey();
    const backup = await exportKeyBackup(key, 'correct horse battery', {
      scrypt: { N: 2 ** 10, r: 8, p: 1 },
    });
    expect(await restarted.groups.importKey(backup, 'correct horse battery')).toBe(key.keyId);
    expect(await restarted.groups.identity.report()).toMatchObject({ keyId: key.keyId, problem: null });
    expect(await readFile(kept)).toEqual(garbage);
  });
});
