// The watcher watches only what the layout defines, and a bounded number of device directories:
// anyone with the shared folder can make directories in it, and every watch costs a descriptor.
import { afterEach, describe, expect, it } from 'vitest';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { GroupWatcher } from './groupWatcher';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const DEVICES = ['0000000000000001', '0000000000000002', '0000000000000003'];

async function folderWithDevices(): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'lectern-watch-'));
  cleanups.push(() => rm(folder, { recursive: true, force: true }));
  for (const id of DEVICES) {
    await mkdir(path.join(folder, 'devices', id, 'segments'), { recursive: true });
    await mkdir(path.join(folder, 'devices', id, 'blobs'), { recursive: true });
  }
  // Not devices: other names, upper case, a file.
  await mkdir(path.join(folder, 'devices', 'not-a-device', 'segments'), { recursive: true });
  await mkdir(path.join(folder, 'devices', 'ABCDEF0123456789', 'segments'), { recursive: true });
  await writeFile(path.join(folder, 'devices', 'aaaaaaaaaaaaaaaa'), 'a file');
  return folder;
}

function watch(folder: string, maxDevices?: number) {
  let changes = 0;
  const watcher = new GroupWatcher(folder, () => changes++, {
    debounceMs: 20,
    rescanMs: 60_000,
    ...(maxDevices === undefined ? {} : { maxDevices }),
  });
  watcher.start();
  cleanups.push(async () => watcher.stop());
  return { watcher, changes: () => changes };
}

const until = async (done: () => boolean) => {
  for (let i = 0; i < 200 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
  return done();
};

describe('GroupWatcher', () => {
  it('watches the root, devices/ and each device-named directory with its segments/ and blobs/', async () => {
    const folder = await folderWithDevices();
    const { watcher } = watch(folder);
    const rel = watcher.watchedDirs().map((d) => path.relative(folder, d).split(path.sep).join('/'));
    expect(rel.sort()).toEqual(
      [
        '',
        'devices',
        ...DEVICES.flatMap((id) => [`devices/${id}`, `devices/${id}/segments`, `devices/${id}/blobs`]),
      ].sort(),
    );
  });

  it('watches at most maxDevices device directories, the first by name', async () => {
    const folder = await folderWithDevices();
    const { watcher } = watch(folder, 2);
    const devices = new Set(
      watcher
        .watchedDirs()
        .map((d) => path.relative(path.join(folder, 'devices'), d).split(path.sep)[0])
        .filter((id) => id && id !== '..'),
    );
    expect([...devices].sort()).toEqual(DEVICES.slice(0, 2));
    expect(watcher.watchedDirs()).toHaveLength(2 + 2 * 3);
  });

  it('starts watching a new device directory, and never one named otherwise', async () => {
    const folder = await folderWithDevices();
    const { watcher, changes } = watch(folder);
    const fresh = '00000000000000ff';
    await mkdir(path.join(folder, 'devices', fresh, 'segments'), { recursive: true });
    await mkdir(path.join(folder, 'devices', 'junk-directory'));
    expect(await until(() => watcher.watchedDirs().some((d) => d.includes(fresh)))).toBe(true);
    expect(changes()).toBeGreaterThan(0);
    expect(watcher.watchedDirs().some((d) => d.includes('junk-directory'))).toBe(false);
  });
});
