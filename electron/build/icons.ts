// The installers' icons, made from the one drawing (resources/icon.svg) at build time: ICNS for macOS,
// ICO for Windows, and a PNG per size for Linux (electron-builder reads the size from each file's
// name, 32x32.png). Generated into build/icons, never committed.
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import generateIcon from 'icon-gen';
import sharp from 'sharp';

export const ICON_SOURCE = 'resources/icon.svg';
export const ICON_DIR = 'build/icons';
export const LINUX_ICON_SIZES = [16, 24, 32, 48, 64, 128, 256, 512] as const;

/** Writes icon.icns, icon.ico and png/<n>x<n>.png into `outDir`; returns the files written. */
export async function makeIcons(source = ICON_SOURCE, outDir = ICON_DIR): Promise<string[]> {
  await rm(outDir, { recursive: true, force: true });
  const pngDir = join(outDir, 'png');
  await mkdir(pngDir, { recursive: true });
  const written = await generateIcon(source, outDir, {
    report: false,
    ico: { name: 'icon', sizes: [16, 24, 32, 48, 64, 128, 256] },
    icns: { name: 'icon', sizes: [16, 32, 64, 128, 256, 512, 1024] },
  });
  for (const size of LINUX_ICON_SIZES) {
    const file = join(pngDir, `${size}x${size}.png`);
    await sharp(source).resize(size, size).png().toFile(file);
    written.push(file);
  }
  return written;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const files = await makeIcons();
  console.log(`icons: ${files.length} files in ${ICON_DIR}`);
}
