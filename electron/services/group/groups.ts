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
import { MemberIdentity, identityError } from './memberIdentity';
import type { SecretSealer } from './secretSealer';

export interface GroupsOptions {
  dataDir: string;
  speeches: SpeechSource;
  onChange: (groupId: string) => void;
  onStatus: (status: GroupStatus) => void;
  /** false: no fs.watch or rescan timers (tests call syncNow). */
  watch?: WatchOptions | false;
  now?: () => number;
  scrypt?: ScryptParams;
  /** Seals the member key at rest (the desktop app's safeStorage); without one it is kept owner-only. */
  sealer?: SecretSealer;
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
  /** Set while the member key cannot be read: the groups stay closed and their calls say why. */
  private identityProblem: LecternError | null = null;

  constructor(private readonly options: GroupsOptions) {
    this.identity = new MemberIdentity(options.dataDir, {
      ...(options.scrypt ? { scrypt: options.scrypt } : {}),
      ...(options.sealer ? { sealer: options.sealer } : {}),
    });
    this.registry = new GroupRegistry(options.dataDir);
  }

  /** Settles when every group's first sync since start() has (each a status, never an error). */
  firstSyncs: Promise<void> = Promise.resolve();

  /**
   * Opens every joined group with what this computer knows of it (its cache: views answer at once),
   * then syncs them all in the background: a slow or missing folder holds up neither the window nor
   * any call, and each group's status event says how its sync went.
   */
  async start(): Promise<void> {
    const identity = await this.identity.load();
    this.identityProblem = identity.status === 'problem' ? identityError(identity.problem) : null;
    if (this.identityProblem) return; // opened once a backup brings the key back (importKey)
    const opened: GroupService[] = [];
    for (const entry of await this.registry.list()) {
      const service = await this.openGroup(entry);
      await service
        .loadCache()
        .catch((err: unknown) => console.error('[lectern] group cache unreadable:', err));
      opened.push(service);
    }
    this.firstSyncs = Promise.all(
      opened.map((service) =>
        service.syncNow().catch((err: unknown) => console.error('[lectern] group sync failed:', err)),
      ),
    ).then(() => undefined);
  }

  /** Metrics saved for a speech: shared in every group where this member shared it without them. */
  async shareLateMetrics(speechId: string): Promise<void> {
    for (const { service } of this.open.values())
      await service
        .shareLateMetrics(speechId)
        .catch((err: unknown) => console.error('[lectern] sharing late metrics failed:', err));
  }

  /** Stops watching the folders, then waits for each group's last cache write (see GroupService.close). */
  async stop(): Promise<void> {
    for (const { watcher } of this.open.values()) watcher?.stop();
    for (const { service } of this.open.values())
      await service.close().catch((err: unknown) => console.error('[lectern] group cache not written:', err));
  }

  list(): Promise<Array<{ groupId: string; name: string; folder: string }>> {
    return this.registry
      .list()
      .then((all) => all.map(({ groupId, name, folder }) => ({ groupId, name, folder })));
  }

  get(groupId: string): GroupService {
    const open = this.open.get(groupId);
    if (!open)
      throw this.identityProblem ?? new LecternError('not_found', 'errors.groupNotJoined', { groupId });
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
    if (this.identityProblem) await this.start(); // the key is back: open the groups it belongs to
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
