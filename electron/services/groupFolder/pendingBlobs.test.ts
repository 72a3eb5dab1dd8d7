import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { randomBytes } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { BlobStore } from './blobStore';
import { PendingBlobs } from './pendingBlobs';
import { tempDir } from './testGroupFolder';

let root: string;
let cleanup: () => Promise<void>;
beforeEach(async () => ({ dir: root, cleanup } = await tempDir('pending')));
afterEach(() => cleanup());

const device = '00000000000000aa';

describe('PendingBlobs', () => {
  it('keeps blobs until the folder is back, publishes them verified, and forgets withdrawn ones', async () => {
    const pending = new PendingBlobs(path.join(root, 'data', 'pending-blobs'), device);
    const folder = new BlobStore(path.join(root, 'group'), device);
    const speech = await pending.put(utf8ToBytes('OggS… said on the train'));
    const withdrawn = await pending.put(utf8ToBytes('OggS… thought better of it'));
    const damaged = await pending.put(utf8ToBytes('OggS… a disk error'));
    expect(await pending.waiting()).toEqual([speech, withdrawn, damaged].sort());
    expect(await pending.publish(folder)).toEqual([]); // the folder is still away: nothing moves
    expect(await pending.waiting()).toHaveLength(3);
    await mkdir(path.join(root, 'group'));

    await pending.delete(withdrawn);
    await writeFile(path.join(root, 'data', 'pending-blobs', 'devices', device, 'blobs', damaged), 'garbage');
    expect(await pending.publish(folder)).toEqual([speech]);
    expect(await folder.get(device, speech)).toMatchObject({ ok: true });
    expect(await folder.get(device, withdrawn)).toEqual({ ok: false, reason: 'missing' });
    expect(await folder.get(device, damaged)).toEqual({ ok: false, reason: 'missing' });
    expect(await pending.waiting()).toEqual([damaged]); // kept, never published as something else
  });

  it('keeps files (streamed) until the folder is back, and publishes them under the same names', async () => {
    const pending = new PendingBlobs(path.join(root, 'data', 'pending-blobs'), device);
    const folder = new BlobStore(path.join(root, 'group'), device);
    const source = path.join(root, 'video.webm');
    const video = randomBytes(2 * 1024 * 1024 + 5);
    await writeFile(source, video);
    const sha = await pending.putFile(source);
    expect(sha).toBe(await new BlobStore(root, device).put(video)); // the same name as put's
    expect(await pending.publish(folder)).toEqual([]); // away
    await mkdir(path.join(root, 'group'));
    expect(await pending.publish(folder)).toEqual([sha]);
    expect((await readFile(path.join(root, 'group', 'devices', device, 'blobs', sha))).equals(video)).toBe(
      true,
    );
    expect(await pending.waiting()).toEqual([]);
  });
});
