// Packs Lectern the way `npm run dist` would (electron-builder, the project's own configuration and
// afterPack hook), as a Linux folder around a stand-in Electron, then looks inside: the built app is
// in app.asar, everything main and the preload load at run time is there too, nothing from
// development leaked in, and the binary's fuses are flipped. Needs `npm run build` first.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { readdir, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import { join, posix } from 'node:path';
import { extractAll, extractFile, listPackage } from '@electron/asar';
import { FuseV1Options, getCurrentFuseWire } from '@electron/fuses';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packApp } from './packApp';

const project = process.cwd();
/** A fuse's byte in the wire (@electron/fuses' FuseState, which it does not export). */
const OFF = '0'.charCodeAt(0);
const ON = '1'.charCodeAt(0);
const manifest = JSON.parse(readFileSync(join(project, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
  devDependencies: Record<string, string>;
};

let scratch: string;
let appDir: string;
let asar: string;
let files: string[];

beforeAll(async () => {
  if (!existsSync(join(project, 'out/main/index.js')))
    throw new Error('No build in out/: run `npm run build` before the packaging test.');
  ({ appDir, asar } = await packApp(project));
  scratch = join(appDir, '..', '..');
  files = listPackage(asar, { isPack: false }).map((f) => f.replaceAll('\\', '/').replace(/^\//, ''));
}, 240_000);

afterAll(async () => {
  if (scratch) await rm(scratch, { recursive: true, force: true });
});

/** The bare module names a bundle imports or requires (node: built-ins and electron aside). */
function bareImports(bundle: string): string[] {
  const code = readFileSync(join(project, bundle), 'utf8');
  const patterns = [
    /^import\s[^;]*?from\s*["']([^"']+)["']/gm, // rollup puts a bundle's static imports first
    /^import\s*["']([^"']+)["']/gm,
    /\brequire\(\s*["']([^"']+)["']\s*\)/g,
    /\bimport\(\s*["']([^"']+)["']\s*\)/g,
  ];
  const specifiers = patterns.flatMap((pattern) => [...code.matchAll(pattern)].map((m) => m[1]!));
  const packageLike = /^(@[a-z0-9-~][a-z0-9-._~]*\/)?[a-z0-9-~][a-z0-9-._~]*(\/.*)?$/;
  return [...new Set(specifiers)].filter(
    (s) => packageLike.test(s) && s !== 'electron' && !builtinModules.includes(s),
  );
}

/** `@scope/name/sub/path` → `@scope/name`. */
const packageName = (specifier: string) =>
  specifier
    .split('/')
    .slice(0, specifier.startsWith('@') ? 2 : 1)
    .join('/');

/** Where Node would find `name` from a package at `from` (a folder inside the asar), or undefined. */
function resolveIn(name: string, from: string): string | undefined {
  for (let dir = from; ; dir = posix.dirname(dir)) {
    const candidate = posix.join(dir, 'node_modules', name, 'package.json');
    if (files.includes(candidate)) return posix.dirname(candidate);
    if (dir === '.' || dir === '') return undefined;
  }
}

describe('the packaged app', () => {
  it('holds the built main, preload and renderer', () => {
    expect(files).toContain('out/main/index.js');
    expect(files).toContain('out/preload/index.cjs');
    expect(files).toContain('out/renderer/index.html');
    expect(files).toContain('package.json');
    const packed = JSON.parse(extractFile(asar, 'package.json').toString()) as { main: string };
    expect(files).toContain(packed.main);
  });

  it('has every module main and the preload load at run time, with what those load in turn', () => {
    const entry = [...bareImports('out/main/index.js'), ...bareImports('out/preload/index.cjs')];
    expect(entry.length).toBeGreaterThan(0);
    const missing: string[] = [];
    const seen = new Set<string>();
    const queue = entry.map((s) => ({ name: packageName(s), from: '.' }));
    while (queue.length) {
      const { name, from } = queue.shift()!;
      const dir = resolveIn(name, from);
      if (!dir) {
        missing.push(`${name} (needed from ${from})`);
        continue;
      }
      if (seen.has(dir)) continue;
      seen.add(dir);
      const pkg = JSON.parse(extractFile(asar, `${dir}/package.json`).toString()) as {
        dependencies?: Record<string, string>;
      };
      for (const dep of Object.keys(pkg.dependencies ?? {})) queue.push({ name: dep, from: dir });
    }
    expect(missing).toEqual([]);
    // And Node itself finds each one (exports maps included) from where the bundles sit in the package.
    const extracted = join(scratch, 'extracted');
    extractAll(asar, extracted);
    const probe = join(extracted, 'out', 'main', 'resolve-probe.mjs');
    writeFileSync(
      probe,
      `const failed = [];
       for (const s of ${JSON.stringify(entry)}) { try { import.meta.resolve(s); } catch { failed.push(s); } }
       console.log(JSON.stringify(failed));`,
    );
    const run = spawnSync(process.execPath, [probe], { encoding: 'utf8' });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toEqual([]);
    // The bundles' imports are exactly the production dependencies: none left out, none carried for nothing.
    expect([...new Set(entry.map(packageName))].sort()).toEqual(Object.keys(manifest.dependencies).sort());
  });

  it('carries nothing from development: no sources, tests, source maps or dev dependencies', () => {
    const leaked = files.filter(
      (f) =>
        /\.map$/.test(f) ||
        /(^|\/)(tests?|__tests__)\//.test(f.replace(/^node_modules\/.*?\/node_modules\//, '')) ||
        /\.test\.[cm]?[jt]sx?$/.test(f) ||
        /^(renderer|electron|shared|resources|tests)\//.test(f),
    );
    expect(leaked).toEqual([]);
    const devOnly = Object.keys(manifest.devDependencies).filter((d) =>
      files.includes(`node_modules/${d}/package.json`),
    );
    expect(devOnly).toEqual([]);
  });

  it('keeps Chromium strings for Lectern’s two languages only', async () => {
    expect((await readdir(join(appDir, 'locales'))).sort()).toEqual(['en-US.pak', 'zh-CN.pak']);
  });

  it('flips the binary’s fuses: no Node mode, no inspector, only the checked app.asar', async () => {
    const wire = await getCurrentFuseWire(join(appDir, 'lectern'));
    expect({
      runAsNode: wire[FuseV1Options.RunAsNode],
      nodeOptions: wire[FuseV1Options.EnableNodeOptionsEnvironmentVariable],
      inspect: wire[FuseV1Options.EnableNodeCliInspectArguments],
      asarIntegrity: wire[FuseV1Options.EnableEmbeddedAsarIntegrityValidation],
      onlyAsar: wire[FuseV1Options.OnlyLoadAppFromAsar],
      cookieEncryption: wire[FuseV1Options.EnableCookieEncryption],
      fileProtocol: wire[FuseV1Options.GrantFileProtocolExtraPrivileges],
    }).toEqual({
      runAsNode: OFF,
      nodeOptions: OFF,
      inspect: OFF,
      asarIntegrity: ON,
      onlyAsar: ON,
      cookieEncryption: ON,
      fileProtocol: OFF,
    });
  });

  it('reports its size', () => {
    const asarBytes = statSync(asar).size;
    const unpacked = join(appDir, 'resources', 'app.asar.unpacked');
    console.log(
      `packaged app: app.asar ${(asarBytes / 1e6).toFixed(1)} MB, ${files.length} entries; ` +
        `app.asar.unpacked ${existsSync(unpacked) ? 'present' : 'none'}`,
    );
    expect(asarBytes).toBeGreaterThan(0);
  });
});
