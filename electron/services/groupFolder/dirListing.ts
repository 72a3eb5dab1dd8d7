// Lists a directory of the group folder, or reuses the listing from the last sync when the
// directory provably has not changed since: adding, removing or renaming an entry moves a
// directory's mtime and ctime, so an unchanged directory needs no readdir.
//
// "Provably" has two limits, handled here and in GroupSync:
// - mtimes are coarse on some file systems (2 s on FAT), so a change in the same tick as the
//   listing would not move it. A listing is trusted only when taken well after the directory's
//   last change ("settled"), as git does for racily clean files.
// - some file systems and network shares do not move a directory's mtime at all; GroupSync
//   therefore lists everything on its first sync and every few minutes after.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { lstatWalked } from './safePath';

/** A directory as it was listed. Kept in memory only: the first sync after a start lists everything. */
export interface DirListing {
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  /** Names in the directory when it was listed; a directory's name ends in `/`. */
  names: string[];
  /** Listed long enough after its last change that a later change must move its mtime. */
  settled: boolean;
}

/** Null when the directory is not there (or is not a directory any more). */
export async function listDirectory(
  folder: string,
  relDir: string,
  trust: {
    previous: DirListing | undefined;
    trustPrevious: boolean;
    /** How long after its last change a listing is trusted: more than the mtime granularity. */
    settleMs: number;
  },
): Promise<DirListing | null> {
  const { previous } = trust;
  const abs = relDir ? path.join(folder, ...relDir.split('/')) : folder;
  // Stat before reading: a change between the two leaves a listing newer than its mtime, which
  // the next sync sees as changed and lists again (never the other way round).
  const stats = await lstatWalked(folder, relDir);
  if (!stats?.isDirectory()) return null;
  if (
    trust.trustPrevious &&
    previous?.settled &&
    previous.mtimeMs === stats.mtimeMs &&
    previous.ctimeMs === stats.ctimeMs &&
    previous.ino === stats.ino
  ) {
    return previous;
  }
  const listedAt = Date.now();
  const entries = await fs.readdir(abs, { withFileTypes: true }).catch(() => null);
  if (!entries) return null; // vanished mid-walk (folder unplugged): the next sync catches up
  return {
    mtimeMs: stats.mtimeMs,
    ctimeMs: stats.ctimeMs,
    ino: stats.ino,
    names: entries.map((e) => (e.isDirectory() ? `${e.name}/` : e.name)).sort(),
    settled: listedAt - Math.max(stats.mtimeMs, stats.ctimeMs) > trust.settleMs,
  };
}
