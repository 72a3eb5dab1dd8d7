import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { contract } from '../../../shared/api/contract';
import { createSyncToolHandlers } from './syncToolHandlers';
import { SyncthingSettingsStore } from './syncthingSettingsStore';
import type { SyncthingFetch } from './syncthingStatus';

const context = { transport: 'http' } as const;
const dirs: string[] = [];
afterEach(async () => {
  for (const dir of dirs.splice(0)) await rm(dir, { recursive: true, force: true });
});

async function setup() {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'lectern-synctool-'));
  dirs.push(dataDir);
  const asked: string[] = [];
  const fetch: SyncthingFetch = async (url) => {
    asked.push(url);
    return { ok: false, status: 403, json: async () => null };
  };
  const handlers = createSyncToolHandlers(new SyncthingSettingsStore(dataDir), () => dataDir, { fetch });
  return { dataDir, asked, handlers };
}

describe('the Syncthing setting', () => {
  it('is off by default on port 8384, and then nothing asks Syncthing', async () => {
    const { handlers, asked } = await setup();
    expect(await handlers['syncTool.settings']({}, context)).toEqual({
      enabled: false,
      port: 8384,
      hasApiKey: false,
    });
    expect(await handlers['syncTool.status']({ groupId: 'a'.repeat(64) }, context)).toBeNull();
    expect(asked).toEqual([]);
  });

  it('keeps the key owner-only in the data folder, never gives it back, and keeps it when left out', async () => {
    const { handlers, dataDir, asked } = await setup();
    await handlers['syncTool.saveSettings']({ enabled: true, port: 9000, apiKey: 'k-123' }, context);
    await handlers['syncTool.saveSettings']({ enabled: true, port: 9001 }, context);
    const shown = await handlers['syncTool.settings']({}, context);
    expect(shown).toEqual({ enabled: true, port: 9001, hasApiKey: true });
    expect(JSON.stringify(shown)).not.toContain('k-123');
    const file = path.join(dataDir, 'syncthing-settings.json');
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ enabled: true, port: 9001, apiKey: 'k-123' });
    if (process.platform !== 'win32') expect((await stat(file)).mode & 0o077).toBe(0);
    expect(await handlers['syncTool.status']({ groupId: 'a'.repeat(64) }, context)).toMatchObject({
      state: 'unauthorized',
    });
    expect(asked[0]).toBe('http://127.0.0.1:9001/rest/config/folders');
  });

  it('refuses a key or port out of bounds at the contract', () => {
    const input = contract['syncTool.saveSettings'].input;
    expect(input.safeParse({ enabled: true, port: 8384, apiKey: 'ok-Key_1' }).success).toBe(true);
    for (const bad of [
      { enabled: true, port: 0 },
      { enabled: true, port: 65536 },
      { enabled: true, port: 80.5 },
      { enabled: true, port: 8384, apiKey: '' },
      { enabled: true, port: 8384, apiKey: 'x'.repeat(201) },
      { enabled: true, port: 8384, apiKey: 'with space' },
      { enabled: true, port: 8384, apiKey: '密钥' },
      { enabled: true, port: 8384, host: 'example.com' },
    ])
      expect(input.safeParse(bad).success, JSON.stringify(bad)).toBe(false);
  });
});
