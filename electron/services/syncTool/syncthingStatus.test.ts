import { describe, expect, it } from 'vitest';
import { syncthingStatus, type SyncthingFetch, type SyncthingStatusPorts } from './syncthingStatus';

const ME = 'ME-DEVICE';
const PEER = 'PEER-1';
const OTHER = 'PEER-2';

interface FakeSyncthing {
  folders: unknown;
  db?: Record<string, unknown>;
  connected?: string[];
  status?: number;
}

/** Answers as a Syncthing would; records every URL and API key it was asked with. */
function fakeSyncthing(answers: FakeSyncthing, asked: { url: string; key: string }[] = []): SyncthingFetch {
  return async (url, init) => {
    asked.push({ url, key: init.headers['X-API-Key']! });
    const body = url.endsWith('/rest/config/folders')
      ? answers.folders
      : url.endsWith('/rest/system/status')
        ? { myID: ME }
        : url.endsWith('/rest/system/connections')
          ? {
              connections: Object.fromEntries(
                [PEER, OTHER].map((d) => [d, { connected: (answers.connected ?? []).includes(d) }]),
              ),
            }
          : url.includes('/rest/db/status?folder=')
            ? { state: 'idle', needTotalItems: 0, needBytes: 0, errors: 0, ...answers.db }
            : null;
    const status = answers.status ?? (body === null ? 404 : 200);
    return { ok: status === 200, status, json: async () => body };
  };
}

const folder = (over: Record<string, unknown> = {}) => ({
  id: 'grp',
  path: '/data/group',
  paused: false,
  devices: [{ deviceID: ME }, { deviceID: PEER }, { deviceID: OTHER }],
  ...over,
});

/** Paths are taken as they are (no disk): realpath fails, so they are only resolved. */
const ports = (fetch: SyncthingFetch, extra: Partial<SyncthingStatusPorts> = {}): SyncthingStatusPorts => ({
  fetch,
  realpath: async () => Promise.reject(new Error('ENOENT')),
  homeDir: '/home/ada',
  caseInsensitive: false,
  ...extra,
});
const connection = { port: 8384, apiKey: 'secret-key' };

describe('what Syncthing says of a group folder', () => {
  it('up to date, counting the other devices connected (not this one), asking 127.0.0.1 with the key', async () => {
    const asked: { url: string; key: string }[] = [];
    const fetch = fakeSyncthing({ folders: [folder()], connected: [PEER] }, asked);
    expect(await syncthingStatus('/data/group', connection, ports(fetch))).toEqual({
      state: 'up-to-date',
      connectedDevices: 1,
      totalDevices: 2,
      needBytes: 0,
    });
    expect(asked.every((a) => a.url.startsWith('http://127.0.0.1:8384/rest/'))).toBe(true);
    expect(asked.every((a) => a.key === 'secret-key')).toBe(true);
    expect(asked.map((a) => a.url)).toContain('http://127.0.0.1:8384/rest/db/status?folder=grp');
  });

  it('syncing while this copy still needs files, with how much', async () => {
    const fetch = fakeSyncthing({
      folders: [folder()],
      db: { state: 'syncing', needTotalItems: 3, needBytes: 5_000_000 },
      connected: [PEER, OTHER],
    });
    expect(await syncthingStatus('/data/group', connection, ports(fetch))).toEqual({
      state: 'syncing',
      connectedDevices: 2,
      totalDevices: 2,
      needBytes: 5_000_000,
    });
    const waiting = fakeSyncthing({ folders: [folder()], db: { state: 'idle', needTotalItems: 1 } });
    expect((await syncthingStatus('/data/group', connection, ports(waiting))).state).toBe('syncing');
  });

  it('paused when the folder is paused in its config', async () => {
    const fetch = fakeSyncthing({ folders: [folder({ paused: true })] });
    expect((await syncthingStatus('/data/group', connection, ports(fetch))).state).toBe('paused');
  });

  it('error when the folder is in error or has failed items', async () => {
    for (const db of [{ state: 'error' }, { state: 'idle', errors: 2 }]) {
      const fetch = fakeSyncthing({ folders: [folder()], db });
      expect((await syncthingStatus('/data/group', connection, ports(fetch))).state).toBe('error');
    }
  });

  it('not shared when no Syncthing folder is or holds it', async () => {
    const fetch = fakeSyncthing({
      folders: [folder({ path: '/data/other' }), folder({ path: '/data/gro' })],
    });
    expect((await syncthingStatus('/data/group', connection, ports(fetch))).state).toBe('not-shared');
  });

  it('matches through a trailing slash, `~`, a symlink, and a folder that holds the group folder', async () => {
    const up = (path: string, group = '/home/ada/group', extra: Partial<SyncthingStatusPorts> = {}) =>
      syncthingStatus(group, connection, ports(fakeSyncthing({ folders: [folder({ path })] }), extra));
    expect((await up('/home/ada/group/')).state).toBe('up-to-date');
    expect((await up('/home/ada/group///', '/home/ada/group/')).state).toBe('up-to-date');
    expect((await up('~/group')).state).toBe('up-to-date');
    expect((await up('~/Sync', '/home/ada/Sync/lectern/group')).state).toBe('up-to-date');
    // The group folder was chosen through a link to where Syncthing keeps it.
    const realpath = async (p: string) => p.replace('/home/ada/link', '/srv/sync');
    expect((await up('/srv/sync/group', '/home/ada/link/group', { realpath })).state).toBe('up-to-date');
    expect((await up('/HOME/ADA/GROUP', undefined, { caseInsensitive: true })).state).toBe('up-to-date');
    expect((await up('/HOME/ADA/GROUP')).state).toBe('not-shared');
  });

  it('prefers the Syncthing folder that is the group folder over one that holds it', async () => {
    const fetch = fakeSyncthing({
      folders: [
        folder({ id: 'outer', path: '/data' }),
        folder({ id: 'inner', path: '/data/group', paused: true }),
      ],
    });
    expect((await syncthingStatus('/data/group', connection, ports(fetch))).state).toBe('paused');
  });

  it('unauthorized when Syncthing refuses the key (403, 401)', async () => {
    for (const status of [401, 403]) {
      const fetch = fakeSyncthing({ folders: [folder()], status });
      expect((await syncthingStatus('/data/group', connection, ports(fetch))).state).toBe('unauthorized');
    }
  });

  it('unreachable when nothing answers, something else answers, or no answer comes in time', async () => {
    const refused: SyncthingFetch = async () => Promise.reject(new TypeError('fetch failed'));
    expect((await syncthingStatus('/data/group', connection, ports(refused))).state).toBe('unreachable');
    const notSyncthing = fakeSyncthing({ folders: { hello: 'world' } });
    expect((await syncthingStatus('/data/group', connection, ports(notSyncthing))).state).toBe('unreachable');
    const serverError = fakeSyncthing({ folders: [folder()], status: 500 });
    expect((await syncthingStatus('/data/group', connection, ports(serverError))).state).toBe('unreachable');
    // Hangs, and even ignores the abort: the deadline still answers (else the test times out).
    let aborted = false;
    const hangs: SyncthingFetch = (_url, { signal }) => {
      signal.addEventListener('abort', () => (aborted = true));
      return new Promise(() => {});
    };
    const answer = await syncthingStatus('/data/group', connection, ports(hangs, { timeoutMs: 50 }));
    expect(answer).toEqual({ state: 'unreachable', connectedDevices: 0, totalDevices: 0, needBytes: 0 });
    expect(aborted).toBe(true);
  });
});
