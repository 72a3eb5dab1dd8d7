import { promises as fs } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BlobListings } from './blobListings';

describe('BlobListings', () => {
  let dir: string;
  let clock: number;
  let listings: BlobListings;
  const readdir = () => vi.spyOn(fs, 'readdir');

  beforeEach(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'lectern-listings-'));
    await writeFile(path.join(dir, 'a'), '');
    const { mtimeMs } = await fs.stat(dir);
    clock = mtimeMs + 10_000; // the directory has been quiet for 10 s
    listings = new BlobListings(() => clock);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await rm(dir, { recursive: true, force: true });
  });

  it('does not list an unchanged directory again', async () => {
    expect(await listings.names(dir)).toEqual(['a']);
    const spy = readdir();
    clock += 30_000;
    expect(await listings.names(dir)).toEqual(['a']);
    expect(spy).not.toHaveBeenCalled();
  });

  it('sees a blob that arrives, and one that leaves, at the next look', async () => {
    await listings.names(dir);
    clock += 30_000;
    await writeFile(path.join(dir, 'b.tmp'), '');
    await fs.rename(path.join(dir, 'b.tmp'), path.join(dir, 'b'));
    expect([...(await listings.names(dir))].sort()).toEqual(['a', 'b']);
    await rm(path.join(dir, 'a'));
    expect(await listings.names(dir)).toEqual(['b']);
  });

  it('lists again while the last change is within the file system’s mtime granularity', async () => {
    const { mtimeMs } = await fs.stat(dir);
    clock = mtimeMs + 500; // a change in the same 2 s tick would leave mtime as it is
    await listings.names(dir);
    const spy = readdir();
    await listings.names(dir);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('trusts no listing for more than a few minutes', async () => {
    await listings.names(dir);
    const spy = readdir();
    clock += 6 * 60_000;
    await listings.names(dir);
    expect(spy).toHaveBeenCalledTimes(1);
  });

  it('gives no names for a missing directory, and lists it once it appears', async () => {
    const later = path.join(dir, 'later');
    expect(await listings.names(later)).toEqual([]);
    await fs.mkdir(later);
    await writeFile(path.join(later, 'c'), '');
    expect(await listings.names(later)).toEqual(['c']);
  });
});
