// What main remembers between runs, outside the renderer's database: window bounds, the UI language
// (for the menu before the page loads) and the web host's last port (same origin, same IndexedDB).
import { join } from 'node:path';
import { z } from 'zod';
import { UiLanguage } from '../../shared/api/contract';
import { JsonFileStore } from './jsonFileStore';

export const WindowBounds = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400).max(20000),
  height: z.number().int().min(300).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowBounds = z.infer<typeof WindowBounds>;

export const HostSettings = z.object({
  window: WindowBounds.optional(),
  uiLanguage: UiLanguage.optional(),
  webPort: z.number().int().min(1024).max(65535).optional(),
});
export type HostSettings = z.infer<typeof HostSettings>;

export class HostSettingsStore {
  private readonly file: JsonFileStore<typeof HostSettings>;

  constructor(dataDir: string) {
    this.file = new JsonFileStore(join(dataDir, 'host-settings.json'), HostSettings, {});
  }

  read(): Promise<HostSettings> {
    return this.file.read();
  }

  async update(change: Partial<HostSettings>): Promise<HostSettings> {
    const next = { ...(await this.file.read()), ...change };
    await this.file.write(next);
    return next;
  }
}
