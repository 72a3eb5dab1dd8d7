// The installers' icons come from resources/icon.svg at build time: an ICNS and an ICO holding the
// sizes each OS asks for, and one PNG per size for Linux, each really that size.
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LINUX_ICON_SIZES, makeIcons } from './icons';

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'lectern-icons-'));
  await makeIcons('resources/icon.svg', dir);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

describe('makeIcons', () => {
  it('writes a Linux PNG of each size, named by its size', async () => {
    for (const size of LINUX_ICON_SIZES) {
      const { width, height, format } = await sharp(join(dir, 'png', `${size}x${size}.png`)).metadata();
      expect({ width, height, format }).toEqual({ width: size, height: size, format: 'png' });
    }
  });

  it('writes an ICO whose directory lists 16 to 256 pixels', () => {
    const ico = readFileSync(join(dir, 'icon.ico'));
    expect(ico.readUInt16LE(2)).toBe(1); // type 1: icon
    const count = ico.readUInt16LE(4);
    // Each directory entry's width byte; 0 means 256.
    const widths = Array.from({ length: count }, (_, i) => ico[6 + 16 * i] || 256).sort((a, b) => a - b);
    expect(widths).toEqual([16, 24, 32, 48, 64, 128, 256]);
  });

  it('writes an ICNS up to 1024 pixels for Retina', () => {
    const icns = readFileSync(join(dir, 'icon.icns'));
    expect(icns.subarray(0, 4).toString('latin1')).toBe('icns');
    expect(icns.readUInt32BE(4)).toBe(icns.length);
    const types: string[] = [];
    for (let at = 8; at < icns.length; at += icns.readUInt32BE(at + 4))
      types.push(icns.toString('latin1', at, at + 4));
    expect(types).toContain('ic10'); // 1024×1024 (512@2x)
    expect(types).toContain('ic09'); // 512×512
  });
});
