// Packs an app folder with electron-builder as `npm run dist` would on Linux (the folder's own
// electron-builder.yml, its afterPack hook), as a `dir` target around the stand-in Electron: what both
// the packaging test and the size benchmark look at.
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Configuration } from 'electron-builder';
import { Arch, build, Platform } from 'electron-builder';
import { makeStandInElectron } from './standInElectron';

export interface PackedApp {
  /** linux-unpacked: the binary, locales/, resources/. */
  appDir: string;
  asar: string;
}

export async function packApp(projectDir: string, config: Configuration = {}): Promise<PackedApp> {
  const scratch = await mkdtemp(join(tmpdir(), 'lectern-pack-'));
  const electronDist = await makeStandInElectron(join(scratch, 'electron-dist'));
  await build({
    projectDir,
    targets: Platform.LINUX.createTarget('dir', Arch.x64),
    config: { ...config, electronDist, directories: { output: join(scratch, 'dist') } },
    publish: 'never',
  });
  const appDir = join(scratch, 'dist', 'linux-unpacked');
  return { appDir, asar: join(appDir, 'resources', 'app.asar') };
}
