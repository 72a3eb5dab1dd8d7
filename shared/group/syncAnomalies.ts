// What a sync tool left in the group folder that the coach should hear of. Every file there has
// one writer, so a conflict copy of one of ours means two computers wrote as one device, or someone
// edited a file by hand. Only told: the reader still reads a copy as the file it copies (never an
// error), and nothing is ever deleted. Files still in flight (`.syncthing.*.tmp`, iCloud
// placeholders) are no anomaly: they arrive or go away by themselves.
import { conflictCopyOriginal, mayBeConflictCopy } from './conflictCopyName';
import { classifyPath } from './folderLayout';

export const syncAnomalyKinds = ['conflict-copy'] as const;
export type SyncAnomalyKind = (typeof syncAnomalyKinds)[number];

export interface SyncAnomaly {
  kind: SyncAnomalyKind;
  /** Where it is, relative to the group folder, with `/` separators. */
  path: string;
  /** The group's file it is a copy of (`group.json`, a segment or a blob), relative as `path`. */
  original: string;
}

/** The anomalies among paths relative to the folder root (any order; duplicates count once), by path. */
export function syncAnomalies(relPaths: Iterable<string>): SyncAnomaly[] {
  const found = new Map<string, SyncAnomaly>();
  for (const rel of relPaths) {
    if (!mayBeConflictCopy(rel)) continue; // nearly every path: a sync passes every segment's by
    const slash = rel.lastIndexOf('/');
    const original = conflictCopyOriginal(rel.slice(slash + 1));
    if (original === null) continue;
    const kind = classifyPath(rel);
    if ((kind.type === 'genesis' || kind.type === 'segment' || kind.type === 'blob') && kind.conflictCopy)
      found.set(rel, { kind: 'conflict-copy', path: rel, original: rel.slice(0, slash + 1) + original });
  }
  return [...found.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
