// Launches the built desktop app where an Electron binary exists. This machine cannot download one,
// so here the test is skipped and says why.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const binaryMarker = resolve('node_modules/electron/path.txt');

test('the desktop app starts, shows first run and keeps the page sandboxed', async () => {
  test.skip(
    !existsSync(binaryMarker),
    'No Electron binary here (node_modules/electron/path.txt is missing: run `npx install-electron` where the network allows).',
  );
  const app = await electron.launch({ args: [resolve('out/main/index.js')] });
  const window = await app.firstWindow();
  await expect(window.getByRole('heading', { level: 1 })).toBeVisible();
  expect(await window.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
  expect(
    await window.evaluate(() => typeof (globalThis as { lectern?: { invoke?: unknown } }).lectern?.invoke),
  ).toBe('function');
  await app.close();
});
