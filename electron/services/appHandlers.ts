// The composition of main-process services into the contract's handlers, shared by both transports.
// Platform differences arrive as ports; nothing here knows whether it runs in Electron or the web host.
import type { Contract, UiLanguage } from '../../shared/api/contract';
import type { CallContext, Handlers } from '../../shared/api/contractTypes';
import type { HostSettingsStore } from './hostSettings';

export interface HostPorts {
  version: string;
  dataDir: string;
  osLocale: string;
  settings: HostSettingsStore;
  /** Electron rebuilds its menu; the web host has none. */
  onUiLanguageChanged(language: UiLanguage): void;
}

export function createAppHandlers(ports: HostPorts): Handlers<Contract> {
  return {
    'app.info': (_input, context: CallContext) => ({
      version: ports.version,
      transport: context.transport,
      dataDir: ports.dataDir,
      osLocale: ports.osLocale,
    }),
    'app.setUiLanguage': async ({ language }) => {
      await ports.settings.update({ uiLanguage: language });
      ports.onUiLanguageChanged(language);
      return null;
    },
  };
}
