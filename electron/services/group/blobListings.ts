// Directory listings kept while the directory is unchanged. Adding, removing or renaming an entry
// (a sync tool's temporary file renamed into place included) moves the directory's mtime, so an
// unchanged (mtime, ctime, inode) means unchanged names — except when the change came within the
// file system's mtime granularity of the listing (FAT and some network drives keep 2 s): such a
// "racily clean" listing is read again until the directory has been quiet for longer than that.
// A drive whose clock lags ours could still hide a change in that window, so no listing is trusted
// for longer than a few minutes.
import { promises as fs } from 'node:fs';

const RACY_MS = 2_000;
const MAX_AGE_MS = 5 * 60_000;

interface Listing {
  key: string;
  listedAt: number;
  mtimeMs: number;
  names: readonly string[];
}

export class BlobListings {
  private readonly byDir = new Map<string, Listing>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The directory's entry names ([] when it is missing or unreadable). */
  async names(dir: string): Promise<readonly string[]> {
    const stats = await fs.stat(dir).catch(() => null);
    if (!stats?.isDirectory()) {
      this.byDir.delete(dir);
      return [];
    }
    const key = `${stats.mtimeMs}:${stats.ctimeMs}:${stats.ino}`;
    const kept = this.byDir.get(dir);
    const listedAt = this.now();
    if (kept?.key === key && kept.listedAt - kept.mtimeMs > RACY_MS && listedAt - kept.listedAt < MAX_AGE_MS)
      return kept.names;
    const names = await fs.readdir(dir).catch(() => [] as string[]);
    this.byDir.set(dir, { key, listedAt, mtimeMs: stats.mtimeMs, names });
    return names;
  }

  /** Forgets directories no longer asked for (a device directory removed from the folder). */
  keepOnly(dirs: readonly string[]): void {
    const wanted = new Set(dirs);
    for (const dir of this.byDir.keys()) if (!wanted.has(dir)) this.byDir.delete(dir);
  }
}
