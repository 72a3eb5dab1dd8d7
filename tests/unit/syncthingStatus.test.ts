// What Lectern reads from a REAL Syncthing (Debian's `syncthing`, two loopback-only instances): up to
// date with its one peer connected, paused once the folder is paused, refused with a wrong key, and
// not shared for a folder it does not share.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syncthingStatus } from '../../electron/services/syncTool/syncthingStatus';
import type { SyncToolStatus } from '../../shared/api/syncToolContract';
import { SyncthingPair, findSyncthing } from '../integration/syncthing/syncthingPair';

const binary = findSyncthing();
let pair: SyncthingPair | null = null;
let base = '';

describe.skipIf(!binary)('Syncthing’s own view of a group folder, from a real instance', () => {
  beforeAll(async () => {
    base = await mkdtemp(path.join(tmpdir(), 'lectern-st-status-'));
    pair = new SyncthingPair(base, binary!);
    await pair.start();
  }, 90_000);

  afterAll(async () => {
    await pair?.stop();
    await rm(base, { recursive: true, force: true });
  });

  const ask = (folder: string, apiKey = pair!.a.apiKey): Promise<SyncToolStatus> =>
    syncthingStatus(folder, { port: pair!.a.guiPort, apiKey }, { fetch });

  it('says up to date, with the one other device connected', async () => {
    expect(await ask(pair!.a.folder)).toEqual({
      state: 'up-to-date',
      connectedDevices: 1,
      totalDevices: 1,
      needBytes: 0,
    });
    // The same folder named with a trailing slash and through `..`.
    expect((await ask(`${pair!.a.folder}/`)).state).toBe('up-to-date');
    expect((await ask(path.join(pair!.a.folder, '..', 'folder'))).state).toBe('up-to-date');
  });

  it('says unauthorized with a wrong key', async () => {
    expect((await ask(pair!.a.folder, 'not-the-key')).state).toBe('unauthorized');
  });

  it('says not shared for a folder it does not share', async () => {
    const elsewhere = await mkdtemp(path.join(base, 'elsewhere-'));
    expect((await ask(elsewhere)).state).toBe('not-shared');
  });

  it('says unreachable where nothing answers', async () => {
    const status = await syncthingStatus(pair!.a.folder, { port: 1, apiKey: pair!.a.apiKey }, { fetch });
    expect(status.state).toBe('unreachable');
  });

  it('says paused once the folder is paused', async () => {
    await pair!.a.rest(`/rest/config/folders/${pair!.folderId}`, 'PATCH', { paused: true });
    await expect.poll(async () => (await ask(pair!.a.folder)).state, { timeout: 10_000 }).toBe('paused');
  });
});

if (!binary) {
  describe('Syncthing’s own view of a group folder, from a real instance', () => {
    it.skip('skipped: no `syncthing` binary on PATH (apt-get install syncthing)', () => {});
  });
}
