// Where things live in a group folder, and what a file name found there means. Pure, so
// every implementation classifies the same names the same way (docs/sync-format.md).
//
//   group.json                                    the genesis segment, written once by the creator
//   devices/<deviceId>/segments/<first>-<last>.json   a device's segments (12-digit, zero-padded)
//   devices/<deviceId>/blobs/<sha256>             content-addressed audio and peaks
import { conflictCopyOriginal } from './conflictCopyName';

export const GENESIS_FILE = 'group.json';
export const DEVICES_DIR = 'devices';
export const SEGMENTS_DIR = 'segments';
export const BLOBS_DIR = 'blobs';

const DEVICE_RE = /^[0-9a-f]{16}$/;
const SEGMENT_RE = /^(\d{12})-(\d{12})\.json$/;
const BLOB_RE = /^[0-9a-f]{64}$/;
/** Files sync tools keep for themselves, and OS litter: never ours, never an error. */
const TOOL_FILES = new Set([
  '.stfolder',
  '.stignore',
  '.stversions',
  '.dropbox',
  '.dropbox.cache',
  '.DS_Store',
  'Thumbs.db',
  'desktop.ini',
]);

export function segmentFileName(first: number, last: number): string {
  return `${String(first).padStart(12, '0')}-${String(last).padStart(12, '0')}.json`;
}

export function segmentPath(deviceId: string, first: number, last: number): string {
  return `${DEVICES_DIR}/${deviceId}/${SEGMENTS_DIR}/${segmentFileName(first, last)}`;
}

export function blobPath(deviceId: string, sha256: string): string {
  return `${DEVICES_DIR}/${deviceId}/${BLOBS_DIR}/${sha256}`;
}

export type FolderEntry =
  | { type: 'genesis'; conflictCopy: boolean }
  | { type: 'segment'; deviceId: string; first: number; last: number; conflictCopy: boolean }
  | { type: 'blob'; deviceId: string; sha256: string; conflictCopy: boolean }
  /** A sync tool's file still in flight, or a not-yet-downloaded placeholder: skip, it will be back. */
  | { type: 'in-flight'; tool: 'syncthing' | 'icloud' | 'lectern' }
  | { type: 'tool-file' }
  | { type: 'unexpected' };

/** Classifies a path relative to the folder root, with `/` separators. */
export function classifyPath(relPath: string): FolderEntry {
  const parts = relPath.split('/');
  const name = parts[parts.length - 1] ?? '';
  if (parts.some((p) => TOOL_FILES.has(p))) return { type: 'tool-file' };
  if (/^\.syncthing\..*\.tmp$/.test(name) || /^~syncthing~.*\.tmp$/.test(name))
    return { type: 'in-flight', tool: 'syncthing' };
  if (/^\..+\.icloud$/.test(name)) return { type: 'in-flight', tool: 'icloud' };
  if (/^\.lectern-.*\.tmp$/.test(name)) return { type: 'in-flight', tool: 'lectern' };

  // A sync tool's conflict copy is read as the file it copies (conflictCopyName.ts).
  const copied = conflictCopyOriginal(name);
  const original = copied ?? name;
  const conflictCopy = copied !== null;
  if (parts.length === 1 && original === GENESIS_FILE) return { type: 'genesis', conflictCopy };
  if (parts.length !== 4 || parts[0] !== DEVICES_DIR || !DEVICE_RE.test(parts[1]!))
    return { type: 'unexpected' };
  const deviceId = parts[1]!;
  if (parts[2] === SEGMENTS_DIR) {
    const m = SEGMENT_RE.exec(original);
    if (m) return { type: 'segment', deviceId, first: Number(m[1]), last: Number(m[2]), conflictCopy };
  } else if (parts[2] === BLOBS_DIR && BLOB_RE.test(original)) {
    return { type: 'blob', deviceId, sha256: original, conflictCopy };
  }
  return { type: 'unexpected' };
}

/** Directories the reader descends into (anything else under the root is not ours). */
export function isLayoutDirectory(relPath: string): boolean {
  const parts = relPath.split('/');
  if (parts.length === 1) return parts[0] === DEVICES_DIR;
  if (parts.length === 2) return parts[0] === DEVICES_DIR && DEVICE_RE.test(parts[1]!);
  return (
    parts.length === 3 && parts[0] === DEVICES_DIR && (parts[2] === SEGMENTS_DIR || parts[2] === BLOBS_DIR)
  );
}
