// How sync tools name the copy they keep when two computers changed one file, and the name it
// copies. Pure and the only place these markers are known: the reader (folderLayout) reads a copy
// as the file it copies, and syncAnomalies tells the coach it is there.
//
//   Syncthing            <name>.sync-conflict-<yyyymmdd>-<hhmmss>-<device>[.<ext>]
//   Dropbox              <name> (conflicted copy <date>)[.<ext>], (<who>'s conflicted copy …),
//                        (Case Conflict[ n]), (Selective Sync Conflict)
//   Nextcloud, ownCloud  <name> (conflicted copy <date> <time>)[.<ext>]; older: <name>_conflict-<date>-<time>[.<ext>]
//   坚果云 and others     <name> (… conflict …) or <name>（…冲突…）, brackets half- or full-width
//
// A marker only counts when what is left is one of the folder's own names (folderLayout checks),
// so "notes (conflict).txt" is no conflict copy of ours.

const MARKERS = [
  /\.sync-conflict-\d{8}-\d{6}-[A-Z0-9]{7}/g,
  /_conflict-\d{8}-\d{6}/g,
  // Bounded and bracket-free inside, so a hostile name cannot make the match slow.
  / ?\([^()（）]{0,120}?(?:conflict|冲突)[^()（）]{0,120}\)/giu,
  / ?（[^()（）]{0,120}?(?:conflict|冲突)[^()（）]{0,120}）/giu,
];

/** Every marker above holds one of these words. */
const MAY_BE_COPY = /conflict|冲突/i;

/**
 * False when `text` (a name, or a whole path) cannot hold a conflict copy's marker: a cheap first look,
 * as a sync passes every segment's path by.
 */
export function mayBeConflictCopy(text: string): boolean {
  return MAY_BE_COPY.test(text);
}

/**
 * The name this conflict copy copies (every marker removed: a copy of a copy names the first
 * original), or null when the name carries no marker.
 */
export function conflictCopyOriginal(name: string): string | null {
  if (!MAY_BE_COPY.test(name)) return null;
  let original = name;
  for (const marker of MARKERS) original = original.replace(marker, '');
  return original === name ? null : original;
}
