// The composition of main-process services into the contract's handlers, shared by both transports.
// Platform differences arrive as ports; nothing here knows whether it runs in Electron or the web host.
import type { Contract, UiLanguage } from '../../shared/api/contract';
import type { Handlers } from '../../shared/api/contractTypes';
import type { AppServices } from './appServices';
import { createSpeechHandlers } from './speeches/speechHandlers';
import { createGroupHandlers } from './group/groupHandlers';
import type { FolderPicker } from './group/groupHandlers';
import { createCritiqueHandlers } from './group/critiqueHandlers';
import { createRulesHandlers } from './group/rulesHandlers';
import { createHostHandlers, type HostLogPorts } from './hostHandlers';
import { createSyncToolHandlers } from './syncTool/syncToolHandlers';

export interface HostPorts extends HostLogPorts {
  version: string;
  dataDir: string;
  osLocale: string;
  /** Electron rebuilds its menu; the web host has none. */
  onUiLanguageChanged(language: UiLanguage): void;
  /** Electron: the native folder dialog. Left out, the web host's typed-path check is used. */
  pickFolder?: FolderPicker;
  /**
   * A video recording is about to open the camera. Electron lets its next camera request through (its
   * permission handler refuses the camera otherwise); the web host does nothing: its browser asks.
   */
  allowCamera(): void;
}

export function createAppHandlers(ports: HostPorts, services: AppServices): Handlers<Contract> {
  return {
    'app.info': (_input, context) => ({
      version: ports.version,
      transport: context.transport,
      dataDir: ports.dataDir,
      osLocale: ports.osLocale,
    }),
    'app.setUiLanguage': async ({ language }) => {
      await services.settings.update({ uiLanguage: language });
      ports.onUiLanguageChanged(language);
      return null;
    },
    'record.allowCamera': () => {
      ports.allowCamera();
      return null;
    },
    ...createHostHandlers(ports),
    ...createSpeechHandlers(services.speeches, (speechId) => services.groups.shareLateMetrics(speechId)),
    ...createGroupHandlers(services.groups, ports.pickFolder),
    ...createRulesHandlers(services.groups),
    ...createCritiqueHandlers(services.groups, ports.dataDir),
    ...createSyncToolHandlers(services.syncthing, (groupId) => services.groups.get(groupId).folder),
  };
}
