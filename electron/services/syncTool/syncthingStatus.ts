// Asks the local Syncthing how it sees one group folder, through its REST API on 127.0.0.1 only: the
// Syncthing folder holding it, whether it is paused, in error or still fetching, and how many of the
// devices it is shared with are connected. Every failure is a state, never a throw into the sync.
import { promises as fs } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import type { SyncToolState, SyncToolStatus } from '../../../shared/api/syncToolContract';

export interface SyncthingConnection {
  port: number;
  apiKey: string;
}

/** The part of `fetch` used here, so tests can answer for Syncthing. */
export type SyncthingFetch = (
  url: string,
  init: { headers: Record<string, string>; signal: AbortSignal },
) => Promise<{ ok: boolean; status: number; json(): Promise<unknown> }>;

export interface SyncthingStatusPorts {
  fetch: SyncthingFetch;
  realpath?: (p: string) => Promise<string>;
  homeDir?: string;
  /** For the whole exchange: Syncthing on this computer answers at once or not at all. */
  timeoutMs?: number;
  /** Windows and macOS compare paths without case (their usual file systems do). */
  caseInsensitive?: boolean;
}

// Syncthing's REST answers, read field by field: anything else in them is ignored.
const Folders = z.array(
  z.object({
    id: z.string(),
    path: z.string(),
    paused: z.boolean().optional(),
    devices: z.array(z.object({ deviceID: z.string() })).optional(),
  }),
);
const DbStatus = z.object({
  state: z.string(),
  needTotalItems: z.number().optional(),
  needBytes: z.number().optional(),
  errors: z.number().optional(),
  pullErrors: z.number().optional(),
});
const Connections = z.object({
  connections: z.record(z.string(), z.object({ connected: z.boolean() })),
});
const SystemStatus = z.object({ myID: z.string() });

class Refused extends Error {}

function summary(state: SyncToolState, rest: Partial<SyncToolStatus> = {}): SyncToolStatus {
  return { state, connectedDevices: 0, totalDevices: 0, needBytes: 0, ...rest };
}

export async function syncthingStatus(
  folder: string,
  { port, apiKey }: SyncthingConnection,
  ports: SyncthingStatusPorts,
): Promise<SyncToolStatus> {
  const { timeoutMs = 2000 } = ports;
  const abort = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      abort.abort();
      reject(new Error('timeout'));
    }, timeoutMs);
  });
  // Always 127.0.0.1: the member sets a port, never a host.
  const get = async <S extends z.ZodType>(urlPath: string, schema: S): Promise<z.output<S>> => {
    const response = await ports.fetch(`http://127.0.0.1:${port}${urlPath}`, {
      headers: { 'X-API-Key': apiKey },
      signal: abort.signal,
    });
    if (response.status === 401 || response.status === 403) throw new Refused();
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    return schema.parse(await response.json());
  };
  try {
    return await Promise.race([ask(folder, get, ports), deadline]);
  } catch (error) {
    return summary(error instanceof Refused ? 'unauthorized' : 'unreachable');
  } finally {
    clearTimeout(timer);
  }
}

async function ask(
  folder: string,
  get: <S extends z.ZodType>(urlPath: string, schema: S) => Promise<z.output<S>>,
  ports: SyncthingStatusPorts,
): Promise<SyncToolStatus> {
  const shared = await sharedFolderOf(folder, await get('/rest/config/folders', Folders), ports);
  if (!shared) return summary('not-shared');
  const id = encodeURIComponent(shared.id);
  const [me, { connections }, db] = await Promise.all([
    get('/rest/system/status', SystemStatus),
    get('/rest/system/connections', Connections),
    // A paused folder has no status to ask for.
    shared.paused ? null : get(`/rest/db/status?folder=${id}`, DbStatus),
  ]);
  const devices = (shared.devices ?? []).map((d) => d.deviceID).filter((d) => d !== me.myID);
  const counts = {
    connectedDevices: devices.filter((d) => connections[d]?.connected).length,
    totalDevices: devices.length,
    needBytes: Math.max(0, db?.needBytes ?? 0),
  };
  if (!db) return summary('paused', counts);
  if (db.state === 'error' || (db.errors ?? db.pullErrors ?? 0) > 0) return summary('error', counts);
  const fetching = (db.needTotalItems ?? 0) > 0 || counts.needBytes > 0 || db.state.startsWith('sync');
  return summary(fetching ? 'syncing' : 'up-to-date', counts);
}

/**
 * The Syncthing folder that is the group folder or holds it (the deepest), comparing real paths: a
 * symlink, `~`, a trailing slash or (on Windows and macOS) letter case does not hide a match.
 */
async function sharedFolderOf(
  folder: string,
  folders: z.output<typeof Folders>,
  ports: SyncthingStatusPorts,
): Promise<z.output<typeof Folders>[number] | undefined> {
  const {
    realpath = fs.realpath,
    homeDir = os.homedir(),
    caseInsensitive = process.platform === 'win32' || process.platform === 'darwin',
  } = ports;
  const canonical = async (p: string) => {
    const expanded = /^~(?=$|[\\/])/.test(p) ? path.join(homeDir, p.slice(1)) : p;
    const real = await realpath(expanded).catch(() => path.resolve(expanded));
    const trimmed = real.length > 1 ? real.replace(/[\\/]+$/, '') : real;
    return caseInsensitive ? trimmed.toLowerCase() : trimmed;
  };
  const target = await canonical(folder);
  let best: { entry: z.output<typeof Folders>[number]; length: number } | undefined;
  for (const entry of folders) {
    const root = await canonical(entry.path);
    const holds = target === root || target.startsWith(root.endsWith(path.sep) ? root : root + path.sep);
    if (holds && root.length > (best?.length ?? -1)) best = { entry, length: root.length };
  }
  return best?.entry;
}
