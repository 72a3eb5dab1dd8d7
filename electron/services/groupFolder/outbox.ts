// This device's segments, written to the local data dir first (design rule 9) and
// published to the group folder whenever it is there. Publishing copies what the folder
// lacks and, after a compaction, removes this device's own superseded segment files.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { DEVICES_DIR, SEGMENTS_DIR } from '../../../shared/group/folderLayout';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import type { MemberKey } from '../../../shared/group/identity';
import { MAX_SEGMENT_BYTES } from '../../../shared/group/segment';
import { writeFileAtomic } from './atomicWrite';
import { readInside, resolveInside } from './safePath';
import { SegmentWriter } from './segmentWriter';
import type { WrittenSegment } from './segmentWriter';

const PUBLISHED_FILE = 'outbox-published.json';

export interface OutboxOptions {
  /** Local data dir for this group; the outbox lives in its `outbox/` directory. */
  dataDir: string;
  folder: string;
  key: MemberKey;
  group: string;
  device: string;
  now?: () => number;
}

export type PublishResult =
  | {
      status: 'ok';
      published: string[];
      removed: string[];
      /** Same name, different bytes in the folder: never overwritten, reported so nothing is lost silently. */
      conflicts: string[];
    }
  | { status: 'missing-folder' };

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
    };
    this.local = new SegmentWriter({ ...common, root: options.dataDir, dir: 'outbox' });
    this.remoteDir = `${DEVICES_DIR}/${options.device}/${SEGMENTS_DIR}`;
    this.remote = new SegmentWriter({ ...common, root: options.folder, dir: this.remoteDir });
  }

  /** Writes events locally; they reach the group at the next {@link publish}. */
  async append(events: readonly GroupEvent[]): Promise<WrittenSegment> {
    await fs.mkdir(this.options.dataDir, { recursive: true });
    // Number after what the folder already has from this device too, when it can be seen.
    const remote = await this.remoteSegments();
    return this.local.append(events, remote.reduce((max, f) => Math.max(max, f.last), 0) + 1);
  }

  private async remoteSegments() {
    const stats = await fs.stat(this.options.folder).catch(() => null);
    return stats?.isDirectory() ? this.remote.list().catch(() => []) : [];
  }

  /**
   * How many local segments the folder does not have yet. While the folder is away, those not
   * published the last time it was there.
   */
  async pending(): Promise<number> {
    const mine = await this.local.list().catch(() => []); // no outbox yet: nothing waiting
    const reachable = await fs.stat(this.options.folder).then(
      (s) => s.isDirectory(),
      () => false,
    );
    const there = new Set(
      reachable ? (await this.remoteSegments()).map((f) => f.name) : await this.lastPublished(),
    );
    return mine.filter((f) => !there.has(f.name)).length;
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

  /** Compacts the local segments; the next publish replaces the folder's copies. */
  compact(): Promise<WrittenSegment[]> {
    return this.local.compact();
  }

  async publish(): Promise<PublishResult> {
    const stats = await fs.stat(this.options.folder).catch(() => null);
    if (!stats?.isDirectory()) return { status: 'missing-folder' };
    await fs.mkdir(this.options.dataDir, { recursive: true });
    await this.local.sweep();
    await this.remote.sweep();
    const mine = await this.local.list();
    const theirs = await this.remoteSegments();
    const present = new Set(theirs.map((f) => f.name));
    const published: string[] = [];
    const conflicts: string[] = [];
    for (const f of mine) {
      const rel = `${this.remoteDir}/${f.name}`;
      const bytes = await readInside(this.options.dataDir, `outbox/${f.name}`, MAX_SEGMENT_BYTES);
      if (present.has(f.name)) {
        const there = await readInside(this.options.folder, rel, MAX_SEGMENT_BYTES).catch(() => null);
        if (!there || !sameBytes(there, bytes)) conflicts.push(rel);
        continue;
      }
      await writeFileAtomic(this.options.folder, rel, bytes);
      published.push(rel);
    }
    // Only files covered by a local (compacted) segment are removed, and only in our own directory.
    const removed: string[] = [];
    const kept = new Set(mine.map((f) => f.name));
    for (const f of theirs) {
      if (kept.has(f.name)) continue;
      if (mine.some((m) => m.first <= f.first && f.last <= m.last)) {
        await fs.rm(resolveInside(this.options.folder, `${this.remoteDir}/${f.name}`));
        removed.push(`${this.remoteDir}/${f.name}`);
      }
    }
    // Remembered for the status while the folder is away (a cache: losing it only overstates "waiting").
    const inFolder = mine.filter(
      (f) => present.has(f.name) || published.includes(`${this.remoteDir}/${f.name}`),
    );
    await writeFileAtomic(this.options.dataDir, PUBLISHED_FILE, JSON.stringify(inFolder.map((f) => f.name)), {
      overwrite: true,
      flush: false,
    });
    return { status: 'ok', published, removed, conflicts };
  }
}

function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
