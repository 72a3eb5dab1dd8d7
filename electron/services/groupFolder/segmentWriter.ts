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
import { FileExistsError, sweepStaleTemps, writeFileAtomic } from './atomicWrite';
import { MAX_MERGED_BYTES, mergeAllPlan, type CompactionPlan } from './compactionPlan';
import { nativeCrypto } from './nativeCrypto';
import { OwnDirectory, nextSequence } from './ownDirectory';
import type { OwnDirectoryScan, OwnSegmentFile } from './ownDirectory';
import { readInside, resolveInside } from './safePath';

export { MAX_SEQ, SequenceExhaustedError } from './ownDirectory';
export type { DirectoryProblem, OwnDirectoryScan, OwnSegmentFile } from './ownDirectory';

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
  /**
   * Flush each file and its directory to disk (the default). Off only for generated folders
   * (the demo, benchmarks' fixtures), where a power cut costs nothing but a re-run.
   */
  flush?: boolean;
}

export interface WrittenSegment {
  relPath: string;
  segment: Segment;
}

/** Where a new segment may go, besides after this directory's own segments. */
export interface Placement {
  /** Number after this too (e.g. the highest of this device's segments in the folder). */
  after?: number;
  /** Names not to take (e.g. every name in the folder's directory of this device). */
  taken?: ReadonlySet<string>;
}

/** A file appearing under the chosen name between looking and writing: try the next one. */
const WRITE_ATTEMPTS = 3;

export class SegmentWriter {
  private swept = false;
  private readonly own: OwnDirectory;

  constructor(private readonly options: SegmentWriterOptions) {
    this.own = new OwnDirectory(options);
  }

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

  /** What this device's directory holds: its own valid segments, and every other file with why. */
  scan(): Promise<OwnDirectoryScan> {
    return this.own.scan();
  }

  /** This device's own valid segments here, ordered by first sequence number. */
  async list(): Promise<OwnSegmentFile[]> {
    return (await this.scan()).segments;
  }

  /**
   * Writes `events` as the next segment: numbered after this device's own valid segments here
   * (and `placement.after`), under a name no file here (nor in `placement.taken`) has. Other
   * files never move the number. Nothing is visible until the file is complete.
   */
  async append(events: readonly GroupEvent[], placement: Placement = {}): Promise<WrittenSegment> {
    if (events.length === 0 || events.length > MAX_SEGMENT_EVENTS)
      throw new RangeError(`a segment holds 1..${MAX_SEGMENT_EVENTS} events`);
    await this.sweep();
    const taken = new Set(placement.taken);
    for (let attempt = 1; ; attempt++) {
      const own = await this.scan();
      const seq = nextSequence(
        Math.max(placement.after ?? 0, own.highest),
        (name) => own.names.has(name) || taken.has(name),
        this.options.dir,
      );
      const segment = createSegment(this.options.key, this.header(seq, seq), events);
      const bytes = encodeSegment(segment);
      if (bytes.length > MAX_SEGMENT_BYTES)
        throw new RangeError('segment too large: append fewer events at a time');
      const name = segmentFileName(seq, seq);
      const relPath = `${this.options.dir}/${name}`;
      try {
        await writeFileAtomic(this.options.root, relPath, bytes, { flush: this.options.flush !== false });
        return { relPath, segment };
      } catch (err) {
        if (!(err instanceof FileExistsError) || attempt >= WRITE_ATTEMPTS) throw err;
        taken.add(name);
      }
    }
  }

  /**
   * Merges the runs of this device's segments that `plan` picks (by default everything, within the
   * format's bounds), each into one file, then deletes the merged originals. A crash between the
   * two steps leaves both, which readers dedupe. Returns the files written.
   */
  async compact(plan: CompactionPlan = mergeAllPlan): Promise<WrittenSegment[]> {
    await this.sweep();
    const own = await this.scan();
    const written: WrittenSegment[] = [];
    for (const planned of plan(own.segments)) {
      const loaded: Loaded[] = [];
      for (const f of planned) {
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
      for (const run of withinBounds(loaded).filter((r) => r.length > 1)) {
        const merged = compactSegments(
          this.options.key,
          run.map((x) => x.segment),
        );
        const name = segmentFileName(merged.first, merged.last);
        // Only ever over one of the merged files (a crash after an earlier compaction): any other
        // file under that name is someone else's, and stays.
        if (own.names.has(name) && !run.some((x) => x.name === name)) continue;
        const relPath = `${this.options.dir}/${name}`;
        await writeFileAtomic(this.options.root, relPath, encodeSegment(merged), {
          overwrite: true,
          flush: this.options.flush !== false,
        });
        for (const x of run) {
          if (x.name !== name) await fs.rm(resolveInside(this.options.root, `${this.options.dir}/${x.name}`));
        }
        written.push({ relPath, segment: merged });
      }
    }
    return written;
  }

  private header(first: number, last: number) {
    return { group: this.options.group, device: this.options.device, first, last };
  }
}

interface Loaded {
  name: string;
  segment: Segment;
  size: number;
}

/**
 * Splits a run so that no merged file exceeds the format's event and size bounds, and never mixes
 * format-1 and format-2 segments (a device that wrote before its group moved to format 2).
 */
function withinBounds(loaded: readonly Loaded[]): Loaded[][] {
  const runs: Loaded[][] = [];
  let run: Loaded[] = [];
  let events = 0;
  let size = 0;
  for (const item of loaded) {
    if (
      run.length > 0 &&
      (events + item.segment.events.length > MAX_SEGMENT_EVENTS ||
        size + item.size > MAX_MERGED_BYTES ||
        item.segment.version !== run[0]!.segment.version)
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
  return runs;
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
