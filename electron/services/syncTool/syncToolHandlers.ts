// The syncTool.* handlers: the Syncthing setting, and Syncthing's view of a group's folder when it is on.
import type { Contract } from '../../../shared/api/contract';
import type { Handlers } from '../../../shared/api/contractTypes';
import type { syncToolContract } from '../../../shared/api/syncToolContract';
import type { SyncthingSettingsStore } from './syncthingSettingsStore';
import { syncthingStatus, type SyncthingStatusPorts } from './syncthingStatus';

type SyncToolMethods = keyof typeof syncToolContract;

export function createSyncToolHandlers(
  settings: SyncthingSettingsStore,
  /** The group's folder on this computer (throws for a group not joined here). */
  folderOf: (groupId: string) => string,
  ports: SyncthingStatusPorts = { fetch },
): Pick<Handlers<Contract>, SyncToolMethods> {
  return {
    'syncTool.settings': async () => {
      const { enabled, port, apiKey } = await settings.read();
      return { enabled, port, hasApiKey: apiKey !== undefined };
    },
    'syncTool.saveSettings': async (input) => {
      await settings.save(input);
      return null;
    },
    'syncTool.status': async ({ groupId }) => {
      const { enabled, port, apiKey } = await settings.read();
      if (!enabled) return null;
      const folder = folderOf(groupId);
      // On without a key: Syncthing would refuse it, so say what it would say without asking.
      if (apiKey === undefined)
        return { state: 'unauthorized', connectedDevices: 0, totalDevices: 0, needBytes: 0 };
      return syncthingStatus(folder, { port, apiKey }, ports);
    },
  };
}
