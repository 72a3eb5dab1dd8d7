// The renderer as the app ships it: electron-vite's renderer build with the project's own config
// (electron.vite.config.ts: minified, the peaks worklet and workers included), into a folder of its
// own so a benchmark never measures, or overwrites, what `out/` happens to hold. run.ts names the
// folder once per `npm run bench` (LECTERN_BENCH_RENDERER) and the first benchmark that needs it
// builds it; a benchmark run alone builds its own.
import { existsSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { log, ms } from './figures';

export const rendererEnv = 'LECTERN_BENCH_RENDERER';
const defaultDir = resolve('test-results/bench/shipped/renderer');

let built: Promise<string> | undefined;

/** The folder holding the shipped renderer (index.html and its assets), built on first use. */
export function shippedRenderer(): Promise<string> {
  built ??= (async () => {
    const named = process.env[rendererEnv];
    const dir = named ? resolve(named) : defaultDir;
    if (named && existsSync(join(dir, 'index.html'))) return dir;
    await buildShippedRenderer(dir);
    // Later benchmarks of this `npm run bench` find it there.
    if (named) process.env[rendererEnv] = dir;
    return dir;
  })();
  return built;
}

/**
 * electron-vite resolves its config for a production build (its renderer preset: base './', the
 * Electron Chromium target, the project's plugins and `minify: true`), and Vite builds that renderer
 * config alone; main and preload are not needed to serve the page over the loopback host.
 */
export async function buildShippedRenderer(dir: string): Promise<void> {
  const started = performance.now();
  const [{ resolveConfig }, { build }] = await Promise.all([import('electron-vite'), import('vite')]);
  // What `electron-vite build` sets before it resolves: the renderer preset reads it.
  process.env.NODE_ENV_ELECTRON_VITE = 'production';
  // electron-vite puts each process's build in <outDir>/<process>.
  const outDir = dirname(dir);
  const { config } = await resolveConfig({ build: { outDir }, logLevel: 'error' }, 'build', 'production');
  const renderer = config?.renderer;
  if (!renderer) throw new Error('electron.vite.config.ts has no renderer build');
  if (resolve(renderer.build?.outDir ?? '') !== dir)
    throw new Error(`the renderer would be built into ${renderer.build?.outDir}, not ${dir}`);
  await rm(dir, { recursive: true, force: true });
  await build({ ...renderer, logLevel: 'error' });
  if (!existsSync(join(dir, 'index.html'))) throw new Error(`no index.html in ${dir} after the build`);
  log(`renderer built as shipped (electron-vite, minified) into ${dir} (${ms(performance.now() - started)})`);
}
