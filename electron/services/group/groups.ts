// The groups this computer belongs to: creating one (the genesis in a chosen folder), looking at a
// folder before joining, joining, and one GroupService per joined group, each synced on start, on
// folder changes and periodically. Also the member identity the groups share.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { LecternError } from '../../../shared/api/errors';
import type { GroupInfo, GroupStatus } from '../../../shared/api/groupContract';
import { GENESIS, genesisBody } from '../../../shared/group/groupEvent';
import type { ScryptParams } from '../../../shared/group/keyBackup';
import type { KindRegistry } from '../../../shared/group/kindRegistry';
import { readGenesis } from '../groupFolder/genesisFile';
import { writeGenesisFile } from '../groupFolder/segmentWriter';
import { GroupRegistry } from './groupRegistry';
import type { JoinedGroupEntry } from './groupRegistry';
import { GroupService } from './groupService';
import type { SpeechSource } from './groupMedia';
import { GroupWatcher } from './groupWatcher';
import type { WatchOptions } from './groupWatcher';
import { MemberIdentity } from './memberIdentity';

export interface GroupsOptions {
  dataDir: string;
  speeches: SpeechSource;
  onChange: (groupId: string) => void;
  onStatus: (status: GroupStatus) => void;
  /** false: no fs.watch or rescan timers (tests call syncNow). */
  watch?: WatchOptions | false;
  now?: () => number;
  scrypt?: ScryptParams;
  /** The event kinds to fold with: the composition root passes the app's full registry. */
  registry: KindRegistry;
}

export interface CreateGroupInput {
  folder: string;
  name: string;
  charter: string;
  timeZone: string;
  coachName: string;
}

export class Groups {
  readonly identity: MemberIdentity;
  private readonly registry: GroupRegistry;
  private readonly open = new Map<string, { service: GroupService; watcher: GroupWatcher | null }>();

  constructor(private readonly options: GroupsOptions) {
    this.identity = new MemberIdentity(options.dataDir, options.scrypt);
    this.registry = new GroupRegistry(options.dataDir);
  }

  /** Opens every joined group and syncs it once (a missing folder is a status, not an error). */
  async start(): Promise<void> {
    for (const entry of await this.registry.list()) {
      const service = await this.openGroup(entry);
      await service.syncNow().catch((err: unknown) => console.error('[lectern] group sync failed:', err));
    }
  }

  stop(): void {
    for (const { watcher } of this.open.values()) watcher?.stop();
  }

  list(): Promise<Array<{ groupId: string; name: string; folder: string }>> {
    return this.registry
      .list()
      .then((all) => all.map(({ groupId, name, folder }) => ({ groupId, name, folder })));
  }

  get(groupId: string): GroupService {
    const open = this.open.get(groupId);
    if (!open) throw new LecternError('not_found', 'errors.groupNotJoined', { groupId });
    return open.service;
  }

  /** What a folder holds, from its genesis alone: shown (with the charter) before joining. */
  async preview(folder: string): Promise<GroupInfo & { joined: boolean }> {
    await requireDirectory(folder, 'errors.groupFolderMissing');
    const genesis = await readGenesis(folder);
    const body = genesis && genesisBody.safeParse(genesis.body);
    if (!genesis || !body?.success) throw new LecternError('invalid_input', 'errors.notAGroupFolder');
    const { name, charter, timeZone, coachName } = body.data;
    return { groupId: genesis.id, name, charter, timeZone, coachName, joined: this.open.has(genesis.id) };
  }

  async create(input: CreateGroupInput): Promise<JoinedGroupEntry> {
    const folder = path.resolve(input.folder);
    await fs.mkdir(folder, { recursive: true });
    if (await readGenesis(folder)) throw new LecternError('invalid_input', 'errors.folderHoldsGroup');
    const device = await this.identity.current();
    const genesis = device.event(
      GENESIS,
      {
        name: input.name,
        charter: input.charter,
        timeZone: input.timeZone,
        creatorKey: device.key.keyId,
        coachName: input.coachName,
      },
      (this.options.now ?? Date.now)(),
      [], // format 2: a genesis links to nothing, and makes its group causal (docs/sync-format.md)
    );
    const parsed = genesisBody.safeParse(genesis.body);
    if (!parsed.success) throw new LecternError('invalid_input', 'errors.invalid_input');
    await writeGenesisFile(folder, device.key, device.deviceId, genesis).catch((err: unknown) => {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === 'EEXIST' || (err as Error).name === 'FileExistsError')
        throw new LecternError('invalid_input', 'errors.folderHoldsGroup');
      throw err;
    });
    await this.identity.save();
    const entry = await this.register(genesis.id, folder, input.name);
    await this.get(genesis.id).syncNow();
    return entry;
  }

  /** Joins the group in `folder`: registers it here and sends a signed join request. */
  async join(folder: string, displayName: string): Promise<JoinedGroupEntry> {
    const info = await this.preview(path.resolve(folder));
    if (info.joined) throw new LecternError('invalid_input', 'errors.alreadyJoined');
    const entry = await this.register(info.groupId, path.resolve(folder), info.name);
    const service = this.get(info.groupId);
    await service.syncNow();
    const device = await this.identity.current();
    // The creator (e.g. on a second computer) is already the coach: no request needed.
    if (service.state().state.group?.creator !== device.key.keyId) await service.requestJoin(displayName);
    return entry;
  }

  async importKey(backup: string, passphrase: string): Promise<string> {
    const inUse = (await this.registry.list()).map((g) => g.keyId);
    const device = await this.identity.importBackup(backup, passphrase, inUse);
    return device.key.keyId;
  }

  /** Resolves `/media/groups/<groupId>/blobs/<sha256>` to a verified file. */
  async resolveMedia(urlPath: string): Promise<{ path: string; mimeType: string } | undefined> {
    const m = /^\/media\/groups\/([0-9a-f]{64})\/blobs\/([0-9a-f]{64})$/.exec(urlPath);
    const open = m && this.open.get(m[1]!);
    return open ? open.service.media.file(m![2]!) : undefined;
  }

  private async register(groupId: string, folder: string, name: string): Promise<JoinedGroupEntry> {
    const device = await this.identity.current();
    const entry = { groupId, folder, name, keyId: device.key.keyId, joinedAt: new Date().toISOString() };
    await this.registry.add(entry);
    await this.openGroup(entry);
    return entry;
  }

  private async openGroup(entry: JoinedGroupEntry): Promise<GroupService> {
    const existing = this.open.get(entry.groupId);
    if (existing) return existing.service;
    const device = await this.identity.current();
    const service = new GroupService({
      groupId: entry.groupId,
      folder: entry.folder,
      dataDir: path.join(this.options.dataDir, 'groups', entry.groupId),
      device,
      saveClock: () => this.identity.save(),
      speeches: this.options.speeches,
      onChange: this.options.onChange,
      onStatus: this.options.onStatus,
      ...(this.options.now ? { now: this.options.now } : {}),
      registry: this.options.registry,
    });
    const watcher =
      this.options.watch === false
        ? null
        : new GroupWatcher(
            entry.folder,
            () =>
              void service
                .syncNow()
                .catch((err: unknown) => console.error('[lectern] group sync failed:', err)),
            this.options.watch,
          );
    watcher?.start();
    this.open.set(entry.groupId, { service, watcher });
    return service;
  }
}

/** Throws the given message key unless `folder` is an existing directory. */
export async function requireDirectory(folder: string, messageKey = 'errors.notADirectory'): Promise<string> {
  const stats = await fs.stat(folder).catch(() => null);
  if (!stats?.isDirectory()) throw new LecternError('invalid_input', messageKey, { folder });
  return path.resolve(folder);
}
