// Appends a device's events as new numbered, signed, immutable segment files, and compacts
// that device's own segments. The one writer of its directory (design rule 1).
import { promises as fs } from 'node:fs';
import { GENESIS_FILE, classifyPath, segmentFileName } from '../../../shared/group/folderLayout';
import { GENESIS } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import type { MemberKey } from '../../../shared/group/identity';
import {
  MAX_SEGMENT_BYTES,
  MAX_SEGMENT_EVENTS,
  compactSegments,
  createSegment,
  encodeSegment,
  parseSegment,
} from '../../../shared/group/segment';
import type { Segment } from '../../../shared/group/segment';
import { sweepStaleTemps, writeFileAtomic } from './atomicWrite';
import { nativeCrypto } from './nativeCrypto';
import { mkdirInside, readInside, resolveInside } from './safePath';

export interface SegmentWriterOptions {
  /** The folder (or local data dir) the segments directory lives in. */
  root: string;
  /** The directory, relative to root, holding this device's segments. */
  dir: string;
  key: MemberKey;
  group: string;
  device: string;
  /** Wall clock for judging temp files stale (tests inject it). */
  now?: () => number;
}

export interface WrittenSegment {
  relPath: string;
  segment: Segment;
}

const SEGMENT_NAME = /^(\d{12})-(\d{12})\.json$/;

export class SegmentWriter {
  private swept = false;

  constructor(private readonly options: SegmentWriterOptions) {}

  /**
   * Removes what a crashed write of this writer left in its own directory (stale
   * `.lectern-*.tmp` files), once per writer; {@link append} and {@link compact} call it.
   */
  async sweep(): Promise<string[]> {
    if (this.swept) return [];
    // Best effort: a folder that is away or read-only is swept on a later write.
    const removed = await sweepStaleTemps(
      this.options.root,
      this.options.dir,
      (this.options.now ?? Date.now)(),
    ).catch(() => null);
    this.swept = removed !== null;
    return removed ?? [];
  }

  /** Segment files present in this device's directory, ordered by first sequence number. */
  async list(): Promise<Array<{ name: string; first: number; last: number }>> {
    await mkdirInside(this.options.root, this.options.dir);
    const names = await fs.readdir(resolveInside(this.options.root, this.options.dir));
    return names
      .map((name) => SEGMENT_NAME.exec(name))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => ({ name: m[0], first: Number(m[1]), last: Number(m[2]) }))
      .sort((a, b) => a.first - b.first || a.last - b.last);
  }

  /**
   * Writes `events` as the next segment (numbered after every file here, and at least
   * `minSeq`). Nothing is visible until the file is complete.
   */
  async append(events: readonly GroupEvent[], minSeq = 1): Promise<WrittenSegment> {
    if (events.length === 0 || events.length > MAX_SEGMENT_EVENTS)
      throw new RangeError(`a segment holds 1..${MAX_SEGMENT_EVENTS} events`);
    await this.sweep();
    const seq = Math.max(minSeq, (await this.list()).reduce((max, s) => Math.max(max, s.last), 0) + 1);
    const segment = createSegment(this.options.key, this.header(seq, seq), events);
    const bytes = encodeSegment(segment);
    if (bytes.length > MAX_SEGMENT_BYTES)
      throw new RangeError('segment too large: append fewer events at a time');
    const relPath = `${this.options.dir}/${segmentFileName(seq, seq)}`;
    await writeFileAtomic(this.options.root, relPath, bytes);
    return { relPath, segment };
  }

  /**
   * Merges runs of this device's segments into single files (each within the size and
   * event bounds), then deletes the merged originals. A crash between the two steps
   * leaves both, which readers dedupe. Returns the files written.
   */
  async compact(): Promise<WrittenSegment[]> {
    await this.sweep();
    const files = await this.list();
    const loaded: Array<{ name: string; segment: Segment; size: number }> = [];
    for (const f of files) {
      const bytes = await readInside(this.options.root, `${this.options.dir}/${f.name}`, MAX_SEGMENT_BYTES);
      const parsed = parseSegment(bytes, {
        group: this.options.group,
        device: this.options.device,
        ...nativeCrypto,
      });
      // Only our own, valid segments are merged; anything else is left for the reader to report.
      if (parsed.ok && parsed.segment.author === this.options.key.keyId)
        loaded.push({ name: f.name, segment: parsed.segment, size: bytes.length });
    }
    const runs: (typeof loaded)[] = [];
    let run: typeof loaded = [];
    let events = 0;
    let size = 0;
    for (const item of loaded) {
      if (
        run.length > 0 &&
        (events + item.segment.events.length > MAX_SEGMENT_EVENTS ||
          size + item.size > MAX_SEGMENT_BYTES * 0.75)
      ) {
        runs.push(run);
        run = [];
        events = 0;
        size = 0;
      }
      run.push(item);
      events += item.segment.events.length;
      size += item.size;
    }
    runs.push(run);
    const written: WrittenSegment[] = [];
    for (const r of runs.filter((x) => x.length > 1)) {
      const merged = compactSegments(
        this.options.key,
        r.map((x) => x.segment),
      );
      const relPath = `${this.options.dir}/${segmentFileName(merged.first, merged.last)}`;
      await writeFileAtomic(this.options.root, relPath, encodeSegment(merged), { overwrite: true });
      for (const x of r) {
        if (x.name !== segmentFileName(merged.first, merged.last))
          await fs.rm(resolveInside(this.options.root, `${this.options.dir}/${x.name}`));
      }
      written.push({ relPath, segment: merged });
    }
    return written;
  }

  private header(first: number, last: number) {
    return { group: this.options.group, device: this.options.device, first, last };
  }
}

/**
 * Writes a new group's genesis file: a segment numbered 0 holding only the genesis event,
 * whose id is the group id. Written once, by the creating coach.
 */
export async function writeGenesisFile(
  folder: string,
  key: MemberKey,
  device: string,
  genesis: GroupEvent,
): Promise<string> {
  if (genesis.kind !== GENESIS || genesis.author !== key.keyId)
    throw new TypeError("a genesis file holds the creator's genesis event");
  if (classifyPath(GENESIS_FILE).type !== 'genesis') throw new Error('layout mismatch');
  const segment = createSegment(key, { group: genesis.id, device, first: 0, last: 0 }, [genesis]);
  await writeFileAtomic(folder, GENESIS_FILE, encodeSegment(segment));
  return genesis.id;
}
