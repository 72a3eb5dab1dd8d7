// A shared speech's audio and peaks kept in the local data dir while the group folder is away
// (unplugged, offline, read-only), and copied into it when it is back (design rule 9: sharing works
// offline). The share event waits in the outbox beside them, so the group never hears of audio that
// is not on its way.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { BLOBS_DIR, DEVICES_DIR } from '../../../shared/group/folderLayout';
import { BlobStore } from './blobStore';

export class PendingBlobs {
  private readonly local: BlobStore;
  private readonly dir: string;

  constructor(
    /** A directory of the member's data dir, laid out like the group folder. */
    private readonly root: string,
    private readonly deviceId: string,
  ) {
    this.local = new BlobStore(root, deviceId);
    this.dir = path.join(root, DEVICES_DIR, deviceId, BLOBS_DIR);
  }

  async put(bytes: Uint8Array): Promise<string> {
    await fs.mkdir(this.root, { recursive: true });
    return this.local.put(bytes);
  }

  /** A file's bytes, streamed (see BlobStore.putFile). */
  async putFile(source: string): Promise<string> {
    await fs.mkdir(this.root, { recursive: true });
    return this.local.putFile(source);
  }

  /** The hashes still waiting for the folder. */
  async waiting(): Promise<string[]> {
    const names = await fs.readdir(this.dir).catch(() => [] as string[]);
    return names.filter((name) => /^[0-9a-f]{64}$/.test(name)).sort();
  }

  /**
   * Copies every waiting blob into the folder's store (streamed: a video never sits in memory), then
   * forgets the local copy. A blob whose local bytes no longer match its name (a damaged disk) is left
   * where it is and not published.
   * With the folder still away, nothing moves; a read-only folder throws, as the outbox does.
   */
  async publish(folder: BlobStore): Promise<string[]> {
    const published: string[] = [];
    for (const sha of await this.waiting()) {
      if (!(await this.local.verify(this.deviceId, sha)).ok) continue;
      let copied: string;
      try {
        copied = await folder.putFile(path.join(this.dir, sha));
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code === 'ENOENT') break; // away: try again next sync
        throw err;
      }
      // Changed on disk since it was checked: take back what was copied under the other name.
      if (copied !== sha) {
        await folder.delete(copied);
        continue;
      }
      await this.local.delete(sha);
      published.push(sha);
    }
    return published;
  }

  /** Forgets a waiting blob (its speech was withdrawn before the folder came back). */
  delete(sha: string): Promise<boolean> {
    return this.local.delete(sha);
  }
}
