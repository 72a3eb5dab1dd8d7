// The CLI in a member's data folder: the app's own identity (so --data <the app's folder> is the same
// member and device), an old CLI identity.json moved in, a sealed key refused in words, and no writing
// while the app or the web host has the folder open.
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Events } from '../../shared/api/contract';
import { EventHub } from '../../shared/api/eventHub';
import { createMemberKey } from '../../shared/group/identity';
import { createAppServices } from '../services/appServices';
import { MemberIdentity } from '../services/group/memberIdentity';
import type { SecretSealer } from '../services/group/secretSealer';
import { cli, tempDirPerTest } from './cliTestKit';

const tempDir = tempDirPerTest('lectern-cli-data-');

const createGroup = (folder: string, data: string) =>
  cli('create-group', folder, '--data', data, '--name', 'G', '--coach-name', 'C');
/** The device that wrote a group's genesis file. */
const genesisDevice = async (folder: string) =>
  (JSON.parse(await readFile(path.join(folder, 'group.json'), 'utf8')) as { device: string }).device;

describe('lectern-group --data', () => {
  it('acts as the app’s member and device in the app’s data folder', async () => {
    const data = path.join(tempDir(), 'app-data');
    const app = await new MemberIdentity(data).current();
    expect((await cli('init', '--data', data)).out).toBe(`lectern-group: ${data} already has an identity.`);

    const folder = path.join(tempDir(), 'group');
    expect((await createGroup(folder, data)).code).toBe(0);
    const state = JSON.parse((await cli('state', folder, '--json')).out);
    expect(state.members).toMatchObject([{ keyId: app.key.keyId, role: 'coach' }]);
    expect(await genesisDevice(folder)).toBe(app.deviceId);
    expect(await readdir(data)).toEqual(['identity']); // no identity.json beside the app's
  });

  it('moves an old CLI identity.json into the app’s place, same key and device', async () => {
    const data = path.join(tempDir(), 'old-cli');
    const key = createMemberKey();
    const old = {
      version: 1,
      keyId: key.keyId,
      secretKey: Buffer.from(key.secretKey).toString('hex'),
      deviceId: 'fedcba9876543210',
    };
    await mkdir(data);
    await writeFile(path.join(data, 'identity.json'), JSON.stringify(old), { mode: 0o600 });
    const folder = path.join(tempDir(), 'group');
    expect((await createGroup(folder, data)).code).toBe(0);
    expect(await genesisDevice(folder)).toBe(old.deviceId);
    expect(JSON.parse(await readFile(path.join(data, 'identity', 'member-key.json'), 'utf8'))).toMatchObject({
      keyId: key.keyId,
      deviceId: old.deviceId,
    });
    expect(await readdir(data)).toEqual(['identity']);
  });

  it('says plainly that it cannot open a key the desktop app sealed', async () => {
    const data = path.join(tempDir(), 'sealed');
    const sealer: SecretSealer = {
      name: 'safeStorage',
      available: true,
      seal: async (secret) => secret.map((b) => b ^ 0x5a),
      unseal: async (sealed) => sealed.map((b) => b ^ 0x5a),
    };
    await new MemberIdentity(data, { sealer }).current();
    const before = await readFile(path.join(data, 'identity', 'member-key.json'));
    const result = await cli(
      'create-group',
      path.join(tempDir(), 'g'),
      '--data',
      data,
      '--name',
      'G',
      '--coach-name',
      'C',
    );
    expect(result.code).toBe(2);
    expect(result.out).toMatch(
      /sealed with the desktop app's keychain \(Electron safeStorage\), which the command line cannot open/,
    );
    expect(await readFile(path.join(data, 'identity', 'member-key.json'))).toEqual(before);
  });

  it('refuses to write while the app holds the data folder, naming it, and reads the group meanwhile', async () => {
    const data = path.join(tempDir(), 'busy');
    const folder = path.join(tempDir(), 'group');
    expect((await cli('init', '--data', data)).code).toBe(0);
    expect((await createGroup(folder, data)).code).toBe(0);

    const services = await createAppServices(data, new EventHub<Events>(), { kind: 'app' });
    try {
      const refused = await cli('append', folder, '--data', data, '--bio', 'while the app is open');
      expect(refused.code).toBe(2);
      expect(refused.out).toContain(`in use by Lectern (desktop app, process ${process.pid}, since `);
      expect(refused.out).toContain('请先关闭它');
      expect((await cli('export-key', '--data', data, '--out', path.join(tempDir(), 'k.json'))).code).toBe(2);
      // Reading the group folder needs no data folder, so no lock.
      expect((await cli('state', folder, '--json')).code).toBe(0);
    } finally {
      await services.release();
    }
    expect((await cli('append', folder, '--data', data, '--bio', 'after the app closed')).code).toBe(0);
  });
});
