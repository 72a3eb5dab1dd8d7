// What one device's own segments directory holds, read as input from a stranger (anyone with
// the folder can put files there): which files are this device's own valid segments — they
// alone decide its next sequence number — and which are not (planted, unreadable, signed by
// another key, misnamed), with why. Verdicts are kept per file identity (size, mtime, inode,
// ctime), so a writer verifies a file once, not at every append or publish.
import { createHash } from 'node:crypto';
import { promises as fs } from 'node:fs';
import { DEVICES_DIR, SEGMENTS_DIR, classifyPath, segmentFileName } from '../../../shared/group/folderLayout';
import type { MemberKey } from '../../../shared/group/identity';
import { MAX_SEGMENT_BYTES, parseSegment } from '../../../shared/group/segment';
import { nativeCrypto } from './nativeCrypto';
import { UnsafePathError, mkdirInside, readInside, resolveInside } from './safePath';

/** The highest sequence number a segment name can hold: 12 digits (docs/sync-format.md). */
export const MAX_SEQ = 999_999_999_999;

/** Thrown instead of ever writing a segment name wider than the format's 12 digits. */
export class SequenceExhaustedError extends Error {
  override readonly name = 'SequenceExhaustedError';
  constructor(readonly relDir: string) {
    super(`no sequence number left in ${relDir}: segment names end at ${MAX_SEQ}`);
  }
}

/** One of this device's own valid segments, under its own (not a conflict copy's) name. */
export interface OwnSegmentFile {
  name: string;
  first: number;
  last: number;
  /** SHA-256 (hex) of the file's bytes: equal digests mean the same file. */
  sha256: string;
  /** Bytes on disk. */
  size: number;
}

export interface DirectoryProblem {
  /** Relative to the directory's root (the group folder, or the local data dir for the outbox). */
  path: string;
  /** A code, a colon, then plain words. */
  reason: string;
}

export interface OwnDirectoryScan {
  /** This device's own valid segments, ordered by first sequence number. */
  segments: OwnSegmentFile[];
  /** The highest sequence number in any own valid segment (conflict copies included); 0 if none. */
  highest: number;
  /** Every other file or directory found, except temporary and sync tools' own files. */
  problems: DirectoryProblem[];
  /** Every name present, whatever it holds: a new segment never takes one of them. */
  names: ReadonlySet<string>;
}

export interface OwnDirectoryOptions {
  /** The folder (or local data dir) the directory lives in. */
  root: string;
  /** The directory, relative to root. */
  dir: string;
  key: MemberKey;
  group: string;
  device: string;
}

type Verdict =
  | { ok: true; first: number; last: number; sha256: string; size: number; conflictCopy: boolean }
  | { ok: false; reason: string };

/** Any well-formed device id: names are classified on their own, wherever the directory is. */
const ANY_DEVICE = '0000000000000000';
const CONCURRENCY = 16;

export class OwnDirectory {
  private verdicts = new Map<string, { stamp: string; verdict: Verdict }>();

  constructor(private readonly options: OwnDirectoryOptions) {}

  async scan(): Promise<OwnDirectoryScan> {
    const { root, dir } = this.options;
    await mkdirInside(root, dir);
    const names = (await fs.readdir(resolveInside(root, dir))).sort();
    const kept = new Map<string, { stamp: string; verdict: Verdict }>();
    const judged: Array<Verdict | null> = [];
    for (let i = 0; i < names.length; i += CONCURRENCY) {
      const batch = names.slice(i, i + CONCURRENCY);
      judged.push(...(await Promise.all(batch.map((name) => this.judge(name, kept)))));
    }
    this.verdicts = kept; // forgets files that are gone
    const segments: OwnSegmentFile[] = [];
    const problems: DirectoryProblem[] = [];
    let highest = 0;
    names.forEach((name, i) => {
      const verdict = judged[i];
      if (!verdict) return;
      if (!verdict.ok) {
        problems.push({ path: `${dir}/${name}`, reason: verdict.reason });
        return;
      }
      highest = Math.max(highest, verdict.last);
      if (!verdict.conflictCopy)
        segments.push({
          name,
          first: verdict.first,
          last: verdict.last,
          sha256: verdict.sha256,
          size: verdict.size,
        });
    });
    segments.sort((a, b) => a.first - b.first || a.last - b.last);
    return { segments, highest, problems, names: new Set(names) };
  }

  /** null: nothing to say (a temporary or tool file, or gone since the listing). */
  private async judge(
    name: string,
    kept: Map<string, { stamp: string; verdict: Verdict }>,
  ): Promise<Verdict | null> {
    const kind = classifyPath(`${DEVICES_DIR}/${ANY_DEVICE}/${SEGMENTS_DIR}/${name}`);
    if (kind.type === 'in-flight' || kind.type === 'tool-file') return null;
    const rel = `${this.options.dir}/${name}`;
    const stats = await fs.lstat(resolveInside(this.options.root, rel)).catch(() => null);
    if (!stats) return null;
    if (stats.isSymbolicLink()) return fail('symlink: a link, never followed');
    if (stats.isDirectory()) return fail('unexpected-directory: this device never makes a directory here');
    if (!stats.isFile()) return fail('not-a-file: not a regular file');
    if (kind.type !== 'segment')
      return fail('unexpected-file: not a segment name; this device never writes such a file');
    const stamp = `${stats.size}:${stats.mtimeMs}:${stats.ino}:${stats.ctimeMs}`;
    const known = this.verdicts.get(name);
    if (known?.stamp === stamp) {
      kept.set(name, known);
      return known.verdict;
    }
    let bytes: Uint8Array;
    try {
      bytes = await readInside(this.options.root, rel, MAX_SEGMENT_BYTES);
    } catch (err) {
      if (err instanceof UnsafePathError && err.reason === 'missing') return null;
      if (err instanceof UnsafePathError && err.reason === 'oversized')
        return fail(`oversized: larger than a segment may be (${MAX_SEGMENT_BYTES} bytes)`);
      return fail(`unreadable: ${(err as Error).message}`); // not remembered: tried again next time
    }
    const verdict = this.verdictOn(bytes, kind.first, kind.last, kind.conflictCopy);
    kept.set(name, { stamp, verdict });
    return verdict;
  }

  private verdictOn(bytes: Uint8Array, first: number, last: number, conflictCopy: boolean): Verdict {
    const { group, device, key } = this.options;
    const parsed = parseSegment(bytes, { group, device, ...nativeCrypto });
    if (!parsed.ok)
      return fail(`invalid-segment: not a valid segment of this group and device (${parsed.error.message})`);
    const s = parsed.segment;
    if (s.author !== key.keyId)
      return fail(`foreign-signed: signed by key ${s.author.slice(0, 16)}…, not this device's own key`);
    if (s.first !== first || s.last !== last)
      return fail(`name-mismatch: the file inside is ${segmentFileName(s.first, s.last)}`);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    return { ok: true, first, last, sha256, size: bytes.length, conflictCopy };
  }
}

function fail(reason: string): Verdict {
  return { ok: false, reason };
}

/**
 * The first sequence number after `after` whose name is not taken. Never more than
 * {@link MAX_SEQ}: a wider name would be one no reader lists.
 */
export function nextSequence(after: number, taken: (name: string) => boolean, relDir: string): number {
  let seq = after + 1;
  while (seq <= MAX_SEQ && taken(segmentFileName(seq, seq))) seq++;
  if (seq > MAX_SEQ) throw new SequenceExhaustedError(relDir);
  return seq;
}
