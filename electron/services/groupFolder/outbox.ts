// This device's segments, written to the local data dir first (design rule 9) and
// published to the group folder whenever it is there. Publishing copies what the folder
// lacks and, after a compaction, removes this device's own superseded segment files.
// Anyone with the folder can put files in this device's directory: such files never choose
// a number, never block publishing, are never overwritten or deleted, and are reported.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEVICES_DIR, SEGMENTS_DIR } from '../../../shared/group/folderLayout';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import type { MemberKey } from '../../../shared/group/identity';
import { MAX_SEGMENT_BYTES, parseSegment } from '../../../shared/group/segment';
import { FileExistsError, writeFileAtomic } from './atomicWrite';
import { tieredPlan, type CompactionPlan } from './compactionPlan';
import { nativeCrypto } from './nativeCrypto';
import { readInside, resolveInside } from './safePath';
import { SegmentWriter } from './segmentWriter';
import type { DirectoryProblem, OwnSegmentFile, WrittenSegment } from './segmentWriter';

const PUBLISHED_FILE = 'outbox-published.json';
const OUTBOX_DIR = 'outbox';
/** Renumberings per publish; an adversary racing every new name only delays, until the next publish. */
const MAX_RENUMBERINGS = 32;

export interface OutboxOptions {
  /** Local data dir for this group; the outbox lives in its `outbox/` directory. */
  dataDir: string;
  folder: string;
  key: MemberKey;
  group: string;
  device: string;
  now?: () => number;
  /** See SegmentWriterOptions.flush: on (the default) everywhere but generated folders. */
  flush?: boolean;
}

export type PublishProblem = DirectoryProblem;

export type PublishResult =
  | {
      status: 'ok';
      /** Folder paths written by this publish. */
      published: string[];
      /** This device's own folder files superseded by a published compaction, and deleted. */
      removed: string[];
      /**
       * A folder file held other bytes under the name of one of our segments (planted, or a sync
       * conflict): it was left alone, and our segment's events were published again as `to`.
       */
      renumbered: Array<{ from: string; to: string }>;
      /**
       * Every file in this device's folder directory that is not one of its own valid segments,
       * with why (paths relative to the folder); also any such file in the local outbox (paths
       * `outbox/…`, relative to the data dir), which is kept there and never published.
       */
      problems: PublishProblem[];
    }
  | { status: 'missing-folder' };

type SegmentName = Pick<OwnSegmentFile, 'name' | 'first' | 'last'>;

export class Outbox {
  private readonly local: SegmentWriter;
  private readonly remote: SegmentWriter;
  private readonly remoteDir: string;

  constructor(private readonly options: OutboxOptions) {
    const common = {
      key: options.key,
      group: options.group,
      device: options.device,
      ...(options.now ? { now: options.now } : {}),
      ...(options.flush === undefined ? {} : { flush: options.flush }),
    };
    this.local = new SegmentWriter({ ...common, root: options.dataDir, dir: OUTBOX_DIR });
    this.remoteDir = `${DEVICES_DIR}/${options.device}/${SEGMENTS_DIR}`;
    this.remote = new SegmentWriter({ ...common, root: options.folder, dir: this.remoteDir });
  }

  /** Writes events locally; they reach the group at the next {@link publish}. */
  async append(events: readonly GroupEvent[]): Promise<WrittenSegment> {
    await fs.mkdir(this.options.dataDir, { recursive: true });
    // Number after our own segments in the folder too, and clear of every name there, when it can be seen.
    const remote = (await this.folderThere()) ? await this.remote.scan().catch(() => null) : null;
    return this.local.append(events, remote ? { after: remote.highest, taken: remote.names } : {});
  }

  /**
   * How many local segments the folder does not hold byte for byte. While the folder is away,
   * those not published the last time it was there.
   */
  async pending(): Promise<number> {
    return (await this.pendingNames()).length;
  }

  /**
   * The events of the segments {@link pending} counts: this device's own, written here and not (as
   * far as it can tell) in the folder, so the app can show them before the folder is back.
   */
  async pendingEvents(): Promise<GroupEvent[]> {
    const out: GroupEvent[] = [];
    for (const name of await this.pendingNames())
      out.push(...(await this.eventsOf(this.options.dataDir, `${OUTBOX_DIR}/${name}`).catch(() => [])));
    return out;
  }

  private async pendingNames(): Promise<string[]> {
    const mine = (await this.local.scan().catch(() => null))?.segments ?? []; // no outbox yet: nothing waiting
    const remote = (await this.folderThere()) ? await this.remote.scan().catch(() => null) : null;
    if (remote) {
      const there = new Map(remote.segments.map((f) => [f.name, f.sha256]));
      return mine.filter((f) => there.get(f.name) !== f.sha256).map((f) => f.name);
    }
    const published = new Set(await this.lastPublished());
    return mine.filter((f) => !published.has(f.name)).map((f) => f.name);
  }

  private async lastPublished(): Promise<string[]> {
    const text = await fs.readFile(path.join(this.options.dataDir, PUBLISHED_FILE), 'utf8').catch(() => '[]');
    try {
      const names: unknown = JSON.parse(text);
      return Array.isArray(names) ? names.filter((n): n is string => typeof n === 'string') : [];
    } catch {
      return [];
    }
  }

  /**
   * The app's way to write: `event` as its own segment, then the tiered merge, so a member's year
   * stays a few dozen files. The merge is best effort: if it fails, the small files stay and the
   * next write tries again.
   */
  async write(event: GroupEvent): Promise<void> {
    await this.append([event]);
    await this.local.compact(tieredPlan).catch(() => undefined);
  }

  /** Compacts the local segments as `plan` says; the next publish replaces the folder's copies. */
  compact(plan?: CompactionPlan): Promise<WrittenSegment[]> {
    return this.local.compact(plan);
  }

  async publish(): Promise<PublishResult> {
    if (!(await this.folderThere())) return { status: 'missing-folder' };
    await fs.mkdir(this.options.dataDir, { recursive: true });
    await this.local.sweep();
    await this.remote.sweep();
    const local = await this.local.scan();
    const remote = await this.remote.scan();
    const problems = new Map([...remote.problems, ...local.problems].map((p) => [p.path, p.reason]));
    const theirs = new Map(remote.segments.map((f) => [f.name, f.sha256]));
    const mine = new Map(local.segments.map((f) => [f.name, f.sha256]));
    const taken = new Set(remote.names);
    let highest = Math.max(local.highest, remote.highest);
    const published: string[] = [];
    const renumbered: Array<{ from: string; to: string }> = [];
    const inFolder: SegmentName[] = []; // local segments the folder now holds byte for byte
    const waiting: SegmentName[] = []; // left in the outbox for the next publish
    const queue: SegmentName[] = [...local.segments];
    let renumberings = 0;
    for (let f = queue.shift(); f; f = queue.shift()) {
      const rel = `${this.remoteDir}/${f.name}`;
      const there = theirs.get(f.name);
      if (there !== undefined && there === mine.get(f.name)) {
        inFolder.push(f);
        continue;
      }
      if (!taken.has(f.name)) {
        const placed = await this.place(f.name);
        taken.add(f.name);
        if (placed === 'published') published.push(rel);
        if (placed !== 'conflict') {
          inFolder.push(f);
          continue;
        }
      }
      // Another file holds our name: keep it (it is evidence), and publish our events again after it.
      if (renumberings++ >= MAX_RENUMBERINGS) {
        waiting.push(f);
        continue;
      }
      const moved = await this.renumber(f.name, highest, taken);
      for (const m of moved) {
        highest = Math.max(highest, m.last);
        queue.push(m);
        renumbered.push({ from: rel, to: `${this.remoteDir}/${m.name}` });
      }
      const what =
        there !== undefined
          ? "held another segment of this device's under the same number (a sync conflict, or a restored copy of this computer's data)"
          : (problems.get(rel) ?? 'held other bytes');
      problems.set(
        rel,
        `renumbered-after-conflict: ${what}; left untouched, and this device's ${f.name} was published again as ${moved.map((m) => m.name).join(', ')}`,
      );
    }
    const removed = await this.removeSuperseded(inFolder, remote.segments, waiting);
    // Remembered for the status while the folder is away (a cache: losing it only overstates "waiting").
    await writeFileAtomic(this.options.dataDir, PUBLISHED_FILE, JSON.stringify(inFolder.map((f) => f.name)), {
      overwrite: true,
      flush: false,
    });
    return {
      status: 'ok',
      published,
      removed,
      renumbered,
      problems: [...problems]
        .map(([p, reason]) => ({ path: p, reason }))
        .sort((a, b) => (a.path < b.path ? -1 : 1)),
    };
  }

  private async folderThere(): Promise<boolean> {
    const stats = await fs.stat(this.options.folder).catch(() => null);
    return stats?.isDirectory() ?? false;
  }

  /** Copies a local segment into the folder, never over another file. */
  private async place(name: string): Promise<'published' | 'there' | 'conflict'> {
    const rel = `${this.remoteDir}/${name}`;
    const bytes = await readInside(this.options.dataDir, `${OUTBOX_DIR}/${name}`, MAX_SEGMENT_BYTES);
    try {
      await writeFileAtomic(this.options.folder, rel, bytes, { flush: this.options.flush !== false });
      return 'published';
    } catch (err) {
      if (!(err instanceof FileExistsError)) throw err;
    }
    // A file arrived under that name since we looked.
    const there = await readInside(this.options.folder, rel, MAX_SEGMENT_BYTES).catch(() => null);
    return there && sameBytes(there, bytes) ? 'there' : 'conflict';
  }

  /**
   * Re-signs a local segment's events as new segment(s) numbered after `after`, clear of every
   * name taken, then removes the old local copy: written first, so a crash loses nothing (at
   * worst the events go out twice, which readers dedupe).
   */
  private async renumber(name: string, after: number, taken: ReadonlySet<string>): Promise<SegmentName[]> {
    const events = await this.eventsOf(this.options.dataDir, `${OUTBOX_DIR}/${name}`);
    const written = await this.appendSplit(events, after, taken);
    await fs.rm(resolveInside(this.options.dataDir, `${OUTBOX_DIR}/${name}`));
    return written.map(({ relPath, segment }) => ({
      name: path.posix.basename(relPath),
      first: segment.first,
      last: segment.last,
    }));
  }

  /** One segment if the events fit (a higher number may need a few more bytes), else halves. */
  private async appendSplit(
    events: readonly GroupEvent[],
    after: number,
    taken: ReadonlySet<string>,
  ): Promise<WrittenSegment[]> {
    try {
      return [await this.local.append(events, { after, taken })];
    } catch (err) {
      if (!(err instanceof RangeError) || events.length < 2) throw err;
      const half = Math.ceil(events.length / 2);
      const head = await this.appendSplit(events.slice(0, half), after, taken);
      const tail = await this.appendSplit(events.slice(half), after, taken);
      return [...head, ...tail];
    }
  }

  /**
   * After a compaction: deletes our own folder segments that a published local segment covers
   * and that it holds every event of. Only our own valid segments are ever deleted.
   */
  private async removeSuperseded(
    inFolder: readonly SegmentName[],
    theirs: readonly OwnSegmentFile[],
    waiting: readonly SegmentName[],
  ): Promise<string[]> {
    const localNames = new Set([...inFolder, ...waiting].map((f) => f.name));
    const idsOf = new Map<string, Set<string>>();
    const removed: string[] = [];
    for (const f of theirs) {
      if (localNames.has(f.name)) continue;
      const cover = inFolder.find((m) => m.first <= f.first && f.last <= m.last);
      if (!cover) continue;
      const rel = `${this.remoteDir}/${f.name}`;
      let ids = idsOf.get(cover.name);
      if (!ids) {
        const events = await this.eventsOf(this.options.dataDir, `${OUTBOX_DIR}/${cover.name}`).catch(
          () => [],
        );
        ids = new Set(events.map((e) => e.id));
        idsOf.set(cover.name, ids);
      }
      const events = await this.eventsOf(this.options.folder, rel).catch(() => null);
      if (!events || !events.every((e) => ids.has(e.id))) continue;
      await fs.rm(resolveInside(this.options.folder, rel));
      removed.push(rel);
    }
    return removed;
  }

  /** The events of one of our own segments, checked again (it was valid when scanned). */
  private async eventsOf(root: string, rel: string): Promise<readonly GroupEvent[]> {
    const bytes = await readInside(root, rel, MAX_SEGMENT_BYTES);
    const parsed = parseSegment(bytes, {
      group: this.options.group,
      device: this.options.device,
      ...nativeCrypto,
    });
    if (!parsed.ok || parsed.segment.author !== this.options.key.keyId)
      throw new Error(`${rel} is no longer one of this device's valid segments`);
    return parsed.segment.events;
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
