// Host settings survive restarts, and a damaged or hand-edited file never stops the app from starting.
import { mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HostSettingsStore } from './hostSettings';

async function freshDir() {
  return mkdtemp(join(tmpdir(), 'lectern-settings-'));
}

describe('HostSettingsStore', () => {
  it('keeps what was written across a new store on the same folder', async () => {
    const dir = await freshDir();
    await new HostSettingsStore(dir).update({ uiLanguage: 'zh-CN', webPort: 41234 });
    await new HostSettingsStore(dir).update({ window: { width: 1000, height: 700, maximized: true } });
    expect(await new HostSettingsStore(dir).read()).toEqual({
      uiLanguage: 'zh-CN',
      webPort: 41234,
      window: { width: 1000, height: 700, maximized: true },
    });
  });

  it.each([['{ not json'], ['{"uiLanguage":"klingon"}'], ['{"window":{"width":-5,"height":1}}'], ['']])(
    'starts from defaults when the file holds %j',
    async (content) => {
      const dir = await freshDir();
      await writeFile(join(dir, 'host-settings.json'), content);
      expect(await new HostSettingsStore(dir).read()).toEqual({});
    },
  );

  it('replaces the file whole and leaves no temporary files behind', async () => {
    const dir = await freshDir();
    const store = new HostSettingsStore(dir);
    await Promise.all(Array.from({ length: 10 }, (_, i) => store.update({ webPort: 40000 + i })));
    expect(
      JSON.parse(await readFile(join(dir, 'host-settings.json'), 'utf8')).webPort,
    ).toBeGreaterThanOrEqual(40000);
    expect(await readdir(dir)).toEqual(['host-settings.json']);
  });
});
