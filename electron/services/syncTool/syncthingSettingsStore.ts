// This computer's Syncthing setting (on/off, GUI port, API key), kept in the data folder, never in a
// group folder, in a file only its owner may read: the key gives full control of Syncthing.
import { join } from 'node:path';
import { SyncthingSettings, defaultSyncthingPort } from '../../../shared/api/syncToolContract';
import { JsonFileStore } from '../jsonFileStore';

export class SyncthingSettingsStore {
  private readonly file: JsonFileStore<typeof SyncthingSettings>;

  constructor(dataDir: string) {
    this.file = new JsonFileStore(
      join(dataDir, 'syncthing-settings.json'),
      SyncthingSettings,
      { enabled: false, port: defaultSyncthingPort },
      { ownerOnly: true },
    );
  }

  read(): Promise<SyncthingSettings> {
    return this.file.read();
  }

  /** `apiKey` undefined keeps the saved key. */
  async save({ enabled, port, apiKey }: SyncthingSettings): Promise<void> {
    const kept = apiKey ?? (await this.file.read()).apiKey;
    await this.file.write({ enabled, port, ...(kept === undefined ? {} : { apiKey: kept }) });
  }
}
