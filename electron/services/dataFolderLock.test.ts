// The data-folder lock as a second process meets it: refused with a message naming who holds the
// folder (in English and Chinese), free again once released, and a lock left by a process that is gone
// taken over instead of locking the member out for good.
import { spawnSync } from 'node:child_process';
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { hostname } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataFolderInUseError, LOCK_FILE, acquireDataFolderLock } from './dataFolderLock';
import { tempDir } from './groupFolder/testGroupFolder';

let dir: string;
let cleanup: () => Promise<void>;
beforeEach(async () => {
  ({ dir, cleanup } = await tempDir('lock'));
});
afterEach(() => cleanup());

async function refusal(promise: Promise<unknown>): Promise<DataFolderInUseError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(DataFolderInUseError);
  return err as DataFolderInUseError;
}

/** The id of a process that has ended: nothing on this computer answers to it any more. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', '']);
  return child.pid!;
}

describe('the data-folder lock', () => {
  it('refuses a second holder, naming the first in both languages, until the first releases', async () => {
    const web = await acquireDataFolderLock(dir, 'web');
    const err = await refusal(acquireDataFolderLock(dir, 'cli'));
    expect(err.holder).toMatchObject({ pid: process.pid, kind: 'web', hostname: hostname() });
    const [en, zh] = err.message.split('\n');
    expect(en).toMatch(
      new RegExp(
        `^This data folder is in use by Lectern \\(web host, process ${process.pid}, since .+\\): close it first\\.$`,
      ),
    );
    expect(zh).toContain(`网页版主机，进程 ${process.pid}`);

    await web.release();
    expect(await readdir(dir)).toEqual([]);
    const cli = await acquireDataFolderLock(dir, 'cli');
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ kind: 'cli' });
    await cli.release();
  });

  it('takes over a lock whose process is gone, and respects one held from another computer', async () => {
    const stale = { pid: deadPid(), kind: 'app', started: '2026-01-01T00:00:00.000Z', hostname: hostname() };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(stale));
    const lock = await acquireDataFolderLock(dir, 'web');
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({
      pid: process.pid,
      kind: 'web',
    });
    await lock.release();

    // Its process cannot be checked from here: the folder may be on a share that computer has open.
    const elsewhere = { ...stale, hostname: 'other-computer.local' };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(elsewhere));
    const err = await refusal(acquireDataFolderLock(dir, 'app'));
    expect(err.message).toContain('in use by Lectern on the computer other-computer.local (desktop app');
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toEqual(elsewhere);
  });

  it('a release after the lock was taken over leaves the new holder’s lock alone', async () => {
    const first = await acquireDataFolderLock(dir, 'web');
    // As if the first holder had been thought dead and another process had taken over.
    const other = { pid: process.pid, kind: 'cli', started: new Date().toISOString(), hostname: hostname() };
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify(other));
    await first.release();
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toEqual(other);
  });
});
