// A group folder as the commands use it: checked to exist, read from scratch, or opened as this data
// folder's member (synced into its local cache, its outbox ready) to write one event.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { appRegistry } from '../../shared/group/appRegistry';
import type { GroupEvent } from '../../shared/group/groupEvent';
import { readGroupId } from '../services/groupFolder/genesisFile';
import { GroupSync } from '../services/groupFolder/groupSync';
import { Outbox } from '../services/groupFolder/outbox';
import type { CliIo, CommandContext } from './cliCommand';
import { UsageError } from './cliCommand';
import { safe } from './terminalText';

export async function requireFolder(folder: string | undefined): Promise<string> {
  if (!folder) throw new UsageError('Which group folder? Give its path.');
  const stats = await fs.stat(folder).catch(() => null);
  if (!stats?.isDirectory())
    throw new UsageError(`The group folder ${folder} does not exist (unplugged or offline?).`);
  return folder;
}

/** Folds the folder from scratch, as no member in particular; a folder that is not a group is an error. */
export async function readFolder(folder: string, now: () => number, verifyBlobs = false) {
  const sync = new GroupSync({ folder, verifyBlobs, registry: appRegistry, now });
  const report = await sync.sync();
  if (report.status !== 'ok') throw new UsageError(report.message);
  return { sync, report };
}

export type OpenGroup = Awaited<ReturnType<typeof openGroup>>;

/** Syncs the folder into this member's local cache and returns the engine, ready to write. */
export async function openGroup(
  folderArg: string | undefined,
  { dataDir: needData, data, now }: CommandContext,
) {
  const dataDir = needData();
  const folder = await requireFolder(folderArg);
  const first = await readGroupId(folder);
  if (first.status !== 'ok' || !first.groupId) throw new UsageError(first.message);
  const device = await data.device(dataDir);
  const identity = await data.open(dataDir);
  const gDir = path.join(dataDir, 'groups', first.groupId);
  const sync = new GroupSync({ folder, dataDir: gDir, registry: appRegistry, now });
  const report = await sync.sync();
  // Each command leaves its cache on disk (and says so if it cannot): the next one starts from it.
  await sync.cacheWritten();
  // Our next events must sort after everything members wrote (a stranger's clock moves nothing).
  const { members } = sync.state().state;
  const latest = sync.allEvents().findLast((e) => members[e.author]?.status === 'member');
  if (latest) device.observe(latest.hlc, now());
  const outbox = new Outbox({
    dataDir: gDir,
    folder,
    key: device.key,
    group: first.groupId,
    device: device.deviceId,
    now,
  });
  return { sync, report, device, identity, outbox, groupId: first.groupId };
}

/**
 * What a new event links to in a format-2 group (undefined in format 1): the heads this device has
 * seen, and `also` (a roster decision's target's latest event), as the app links them.
 */
export function linksFor(group: OpenGroup, also?: string): GroupEvent[] | undefined {
  const heads = group.sync.heads(group.device.key.keyId);
  if (!heads) return undefined;
  const target = also ? group.sync.allEvents().findLast((e) => e.author === also) : undefined;
  return target?.prev !== undefined ? [...heads, target] : heads;
}

/** Writes one event through the outbox, publishes it and says so (and what is wrong in our directory). */
export async function writeEvent(group: OpenGroup, event: GroupEvent, io: CliIo): Promise<void> {
  await group.outbox.append([event]);
  const published = await group.outbox.publish();
  await group.identity.save(); // the clock, so that the next command never reuses it
  await group.sync.sync();
  await group.sync.cacheWritten();
  io.out(
    safe`Wrote ${event.kind} ${event.id}` +
      (published.status === 'ok' ? '' : ' (folder missing: kept in the outbox)'),
  );
  for (const p of published.status === 'ok' ? published.problems : [])
    io.out(safe`  in this device's directory: ${p.path} — ${p.reason}`);
}
