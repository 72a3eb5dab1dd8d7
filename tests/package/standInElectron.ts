// A stand-in for Electron's Linux distribution, for packaging without the real one (nothing here can
// download it): electron-builder copies whatever `electronDist` holds and renames its `electron`
// binary. The stand-in binary carries a fuse wire after Electron's sentinel, so the afterPack hook
// flips real bytes that the test can read back.
import { chmod, mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

/** The marker @electron/fuses looks for in a binary; the wire's version and length follow it. */
const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
const FUSE_WIRE_VERSION = 1;
/** As many fuses as Electron 45 has; each starts as Electron ships it, '1' on. */
const FUSE_COUNT = 9;

export async function makeStandInElectron(dir: string): Promise<string> {
  await mkdir(join(dir, 'resources'), { recursive: true });
  await mkdir(join(dir, 'locales'), { recursive: true });
  const binary = Buffer.concat([
    Buffer.from('#!/bin/sh\n# stand-in for the Electron binary\nexit 0\n'),
    Buffer.from(FUSE_SENTINEL),
    Buffer.from([FUSE_WIRE_VERSION, FUSE_COUNT]),
    Buffer.from('1'.repeat(FUSE_COUNT)),
  ]);
  await writeFile(join(dir, 'electron'), binary);
  await chmod(join(dir, 'electron'), 0o755);
  // Chromium's UI strings: electronLanguages keeps only Lectern's two languages.
  for (const locale of ['en-US', 'zh-CN', 'de', 'fr', 'ja'])
    await writeFile(join(dir, 'locales', `${locale}.pak`), locale);
  await writeFile(join(dir, 'LICENSE'), 'stand-in');
  await writeFile(join(dir, 'version'), 'stand-in');
  return dir;
}
