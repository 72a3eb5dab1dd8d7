// The lint rules that keep the layers apart really fire: shared/ stays platform-free, the renderer
// never reaches into main, and plain services never import electron.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function importErrors(path: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path });
  return result!.messages
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals')
    .map((m) => m.message);
}

describe('layering', () => {
  it.each([
    ['shared/x.ts', "import { readFile } from 'node:fs';\nexport const x = readFile;"],
    ['shared/x.ts', "import { readFile } from 'fs';\nexport const x = readFile;"],
    ['shared/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['shared/x.ts', "import { db } from '../renderer/state/db';\nexport const x = db;"],
    [
      'shared/x.ts',
      "import { createAppHandlers } from '../electron/services/appHandlers';\nexport const x = createAppHandlers;",
    ],
    ['shared/x.ts', 'export const x = window.location;'],
    ['renderer/x.ts', "import { ipcRenderer } from 'electron';\nexport const x = ipcRenderer;"],
    [
      'renderer/x.ts',
      "import { startWebHost } from '../electron/web/webHost';\nexport const x = startWebHost;",
    ],
    ['electron/services/x.ts', "import { app } from 'electron';\nexport const x = app;"],
    ['electron/main/x.ts', "import { api } from '../../renderer/api/api';\nexport const x = api;"],
  ])('%s: rejects %s', async (path, code) => {
    expect(await importErrors(path, code)).not.toEqual([]);
  });

  it('lets each layer import what it may', async () => {
    expect(await importErrors('shared/x.ts', "import { z } from 'zod';\nexport const x = z;")).toEqual([]);
    expect(
      await importErrors(
        'electron/services/x.ts',
        "import { join } from 'node:path';\nexport const x = join;",
      ),
    ).toEqual([]);
    expect(
      await importErrors('electron/main/x.ts', "import { app } from 'electron';\nexport const x = app;"),
    ).toEqual([]);
  });
});
