// The main-process services, built once per host (Electron or the web host) over one data folder,
// which they hold locked while they run (dataFolderLock.ts): no second process writes there.
import { join } from 'node:path';
import type { Events } from '../../shared/api/contract';
import type { EventHub } from '../../shared/api/eventHub';
import { appRegistry } from '../../shared/group/appRegistry';
import type { MediaResolver } from '../common/mediaResponse';
import { acquireDataFolderLock } from './dataFolderLock';
import type { LockKind } from './dataFolderLock';
import { Groups } from './group/groups';
import type { SecretSealer } from './group/secretSealer';
import { HostSettingsStore } from './hostSettings';
import { SpeechStore } from './speeches/speechStore';
import { SyncthingSettingsStore } from './syncTool/syncthingSettingsStore';

export interface AppServices {
  settings: HostSettingsStore;
  /** Whether (and how) to ask the local Syncthing about group folders. */
  syncthing: SyncthingSettingsStore;
  speeches: SpeechStore;
  groups: Groups;
  resolveMedia: MediaResolver;
  /** Stops watching the group folders and frees the data folder for the next process. */
  release(): Promise<void>;
}

export interface AppServicesOptions {
  /** Which host this is, as the lock names it to a second process. */
  kind: LockKind;
  /** The desktop app's safeStorage; the web host has none (the key is kept owner-only, unsealed). */
  sealer?: SecretSealer;
}

/** Throws DataFolderInUseError while another process holds `dataDir`. */
export async function createAppServices(
  dataDir: string,
  events: EventHub<Events>,
  options: AppServicesOptions,
): Promise<AppServices> {
  const lock = await acquireDataFolderLock(dataDir, options.kind);
  try {
    const speeches = new SpeechStore(join(dataDir, 'speeches'), () => events.publish('speeches.changed', {}));
    await speeches.recover();
    const groups = new Groups({
      dataDir,
      speeches,
      registry: appRegistry,
      onChange: (groupId) => events.publish('group.changed', { groupId }),
      onStatus: (status) => events.publish('group.status', status),
      ...(options.sealer ? { sealer: options.sealer } : {}),
    });
    await groups.start();
    const resolveMedia: MediaResolver = async (urlPath) => {
      if (urlPath.startsWith('/media/groups/')) return groups.resolveMedia(urlPath);
      const speechMedia = /^\/media\/speeches\/([^/]+)\/(audio|poster)$/.exec(urlPath);
      if (!speechMedia) return undefined;
      return speechMedia[2] === 'audio'
        ? speeches.mediaFile(speechMedia[1]!)
        : speeches.posterFile(speechMedia[1]!);
    };
    // Speeches deleted 30 days ago leave the trash while the app stays open for days, not only at start
    // (listing the trash empties what has expired).
    const trashExpiry = setInterval(() => void speeches.listTrash().catch(() => undefined), 6 * 3_600_000);
    trashExpiry.unref();
    const release = async () => {
      clearInterval(trashExpiry);
      await groups.stop();
      await lock.release();
    };
    return {
      settings: new HostSettingsStore(dataDir),
      syncthing: new SyncthingSettingsStore(dataDir),
      speeches,
      groups,
      resolveMedia,
      release,
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}
