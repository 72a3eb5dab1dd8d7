// The installed app's own weight: Lectern built as shipped (electron-vite build) and packed as
// `npm run dist` packs it (its electron-builder.yml, around the stand-in Electron, tests/package),
// against an empty electron-vite app (a window, a preload, a page) built and packed the same way in
// the same run. Measured: app.asar plus app.asar.unpacked, Electron itself excluded. Goal: Lectern's
// own part under 25 MB. Sizes do not vary between runs; the packing time, which does, is a median of 5.
// Run: npm run bench -- packageSize
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { listPackage, statFile } from '@electron/asar';
import { mkdir, mkdtemp, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { build } from 'electron-vite';
import { packApp, type PackedApp } from '../package/packApp';
import { figures, showFigures } from './kit/figures';
import { declareGoal } from './kit/goals';
import { benchRuns } from './kit/runs';

const rounds = benchRuns();
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;
const goalBytes = 25e6;
const project = resolve('.');

/** Bytes under `path` (a file or a folder), 0 when it is not there. */
async function bytesIn(path: string): Promise<number> {
  if (!existsSync(path)) return 0;
  const info = await stat(path);
  if (!info.isDirectory()) return info.size;
  let total = 0;
  for (const name of await readdir(path)) total += await bytesIn(join(path, name));
  return total;
}

const appBytes = async (packed: PackedApp) =>
  (await bytesIn(packed.asar)) + (await bytesIn(`${packed.asar}.unpacked`));

/** The smallest electron-vite app: a main that opens a window with a preload and one page. */
async function buildEmptyApp(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'empty-electron-vite-'));
  const files: Record<string, string> = {
    'package.json': JSON.stringify({
      name: 'empty-app',
      version: '1.0.0',
      type: 'module',
      main: 'out/main/index.js',
    }),
    'electron.vite.config.mjs': 'export default { main: {}, preload: {}, renderer: {} };',
    'src/main/index.ts': [
      "import { app, BrowserWindow } from 'electron';",
      "import { join } from 'node:path';",
      'void app.whenReady().then(() => {',
      "  const win = new BrowserWindow({ webPreferences: { preload: join(import.meta.dirname, '../preload/index.mjs'), sandbox: true } });",
      "  void win.loadFile(join(import.meta.dirname, '../renderer/index.html'));",
      '});',
    ].join('\n'),
    'src/preload/index.ts': 'export {};',
    'src/renderer/index.html': '<!doctype html><html><body><p>Hello</p></body></html>',
  };
  for (const [name, text] of Object.entries(files)) {
    await mkdir(dirname(join(dir, name)), { recursive: true });
    await writeFile(join(dir, name), text);
  }
  // electron-vite resolves the renderer's root from the working folder.
  process.chdir(dir);
  try {
    await build({ root: dir, configFile: join(dir, 'electron.vite.config.mjs'), logLevel: 'warn' });
  } finally {
    process.chdir(project);
  }
  return dir;
}

/** Bytes in an asar by part: out/ (the app's own build) and each package under node_modules. */
function partsOf(asar: string): Map<string, number> {
  const parts = new Map<string, number>();
  for (const entry of listPackage(asar, { isPack: false })) {
    const file = entry.replaceAll('\\', '/').replace(/^\//, '');
    const node = statFile(asar, file);
    if (!('size' in node)) continue;
    const [top, a, b] = file.split('/');
    const part = top === 'node_modules' ? `${a}${a?.startsWith('@') ? `/${b}` : ''}` : top!;
    parts.set(part, (parts.get(part) ?? 0) + node.size);
  }
  return parts;
}

function largestParts(parts: Map<string, number>, count = 5): string[] {
  return [...parts]
    .sort((x, y) => y[1] - x[1])
    .slice(0, count)
    .map(([name, bytes]) => `${name} ${mb(bytes)}`);
}

async function packTimed(dir: string, electronVersion: string) {
  const times: number[] = [];
  let bytes = 0;
  let parts = new Map<string, number>();
  for (let round = 0; round < rounds; round++) {
    const started = performance.now();
    const packed = await packApp(dir, { electronVersion });
    times.push(performance.now() - started);
    bytes = await appBytes(packed);
    parts = partsOf(packed.asar);
    await rm(join(packed.appDir, '..', '..'), { recursive: true, force: true });
  }
  return { bytes, parts, time: figures(times) };
}

const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: project, stdio: 'ignore' });
if (built.status !== 0) throw new Error('electron-vite build failed');
const electronVersion = (await import('electron/package.json', { with: { type: 'json' } })).default.version;
const emptyDir = await buildEmptyApp();
const lectern = await packTimed(project, electronVersion);
const empty = await packTimed(emptyDir, electronVersion);
await rm(emptyDir, { recursive: true, force: true });

const own = lectern.bytes - empty.bytes;
console.log(
  `Lectern app.asar + unpacked: ${mb(lectern.bytes)} (packing ${showFigures(lectern.time, 'ms', 0)})`,
);
console.log(`empty electron-vite app:     ${mb(empty.bytes)} (packing ${showFigures(empty.time, 'ms', 0)})`);
console.log(
  `Lectern's own part: ${mb(own)} (${(lectern.bytes / Math.max(1, empty.bytes)).toFixed(0)}× the empty app)`,
);
declareGoal({
  issue: 18,
  goal: "packed app: Lectern's own part (app.asar + unpacked, less the empty app's)",
  unit: 'MB',
  digits: 1,
  lectern: [own / 1e6],
  baseline: [empty.bytes / 1e6],
  target: { on: 'median', atMost: goalBytes / 1e6, strict: true },
  exact: true,
});
console.log(`where Lectern's app.asar goes: ${largestParts(lectern.parts).join(', ')}`);
