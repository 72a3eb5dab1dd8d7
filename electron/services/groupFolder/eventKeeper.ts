// The events a reader holds, kept in line with the per-device quotas (deviceQuota.ts) and the
// retention rules (eventRetention.ts) as segments come and go and keys are admitted: what no
// accepted segment of a kept key gives is forgotten, and a segment that gives less than its key is
// now kept for (its key was approved, a quota freed up) is read again. GroupSync walks and folds;
// this decides what it holds.
import { isRosterEvent } from '../../../shared/group/fold';
import { JOIN_REQUEST } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import type { Member } from '../../../shared/group/roster';
import type { Segment } from '../../../shared/group/segment';
import { refusedByQuota } from './deviceQuota';
import type { DeviceQuota, QuotaFile } from './deviceQuota';
import { Retention, firstJoin, keptWhole } from './eventRetention';
import type { Keep } from './eventRetention';
import { KeptEvents } from './keptEvents';
import type { Cursor, CursorEntry } from './syncCache';

/** Fold, keep, read again: an approval read this way can admit a key whose events approve another. */
const MAX_ROUNDS = 16;
const CONCURRENCY = 16;

export interface KeeperOptions {
  quota: DeviceQuota;
  /**
   * Segment bytes of keys not (yet) kept that one pass holds whole until the fold says whose they
   * are (a first sync knows no one); past this, such segments give only their join requests until
   * their key is kept, and are read again then.
   */
  undecidedBytes: number;
  /** The roster folded from what is held now. */
  members(): Readonly<Record<string, Pick<Member, 'status' | 'approvedAt'>>>;
  /** An event is held for the first time (to fold in), or (null) some were forgotten (fold again). */
  changed(added: GroupEvent | null): void;
  /** A segment read before, read again: its events, or null when it changed (read at the next sync). */
  readAgain(file: string, entry: CursorEntry): Promise<readonly GroupEvent[] | null>;
}

/** What one sync pass did to what is held. */
export interface KeeperPass {
  /** Per segment read, the events it gives for now (see {@link EventKeeper.holdOnRead}). */
  read: Map<string, GroupEvent[]>;
  /** Bytes of segments held whole although their key is not kept. */
  undecided: number;
  /** Events held since this pass began. */
  added: Set<string>;
  /** Files whose given events changed. */
  given: Set<string>;
  /** Files not looked at, being past their directory's file quota: refused, like a quota's. */
  unread: Set<string>;
  /** An event held before this pass was forgotten: the cache is written anew. */
  forgot: boolean;
  /** Segments read again. */
  readAgain: number;
  /** Segment bytes read so far, and when the roster was last folded part-way (see EventKeeper.holdOnRead). */
  bytesRead: number;
  rosterAt: number;
  /** Keys the roster folded part-way keeps whole, once it was. */
  keptWhole: ((author: string) => boolean) | null;
  /** Per key, its bytes counted in `undecided`. */
  undecidedBy: Map<string, number>;
}

export function keeperPass(): KeeperPass {
  return {
    read: new Map(),
    undecided: 0,
    added: new Set(),
    given: new Set(),
    unread: new Set(),
    forgot: false,
    readAgain: 0,
    bytesRead: 0,
    rosterAt: 0,
    keptWhole: null,
    undecidedBy: new Map(),
  };
}

export class EventKeeper {
  readonly kept = new KeptEvents();
  /** Whose events are kept, as of the last fold (decides what a segment just read gives). */
  private retention: Retention | null = null;
  /** Per key, how it was kept when the last pass settled (with its chosen join request). */
  private settledKeeps = new Map<string, string>();
  /** Read segments by quota group (device directory and key), by key, and those with a first join. */
  private readonly byGroup = new Map<string, Set<string>>();
  private readonly byAuthor = new Map<string, Set<string>>();
  private readonly withJoin = new Set<string>();
  /** The first pass looks at every file: a loaded cursor's verdicts may come from other quotas. */
  private indexed = false;
  private genesis = '';

  constructor(private readonly options: KeeperOptions) {}

  /** At the start of a pass, with the files as the last pass left them (settled: still as it decided). */
  begin(files: Cursor['files'], genesis: string): void {
    this.genesis = genesis;
    this.retention ??= this.retain(files);
  }

  /** Holds `e` (the genesis; the events a segment gives). */
  hold(e: GroupEvent, pass: KeeperPass): void {
    if (!this.kept.add(e)) return;
    this.options.changed(e);
    pass.added.add(e.id);
  }

  /**
   * What a segment just read gives until the fold has had its say: everything when its key is
   * kept whole, or (within `undecidedBytes` a pass) when the fold may yet decide so; otherwise only
   * its join requests, the most any other key keeps. What turns out not to be kept is forgotten.
   */
  holdOnRead(s: Segment, size: number, pass: KeeperPass): GroupEvent[] {
    const budget = this.options.undecidedBytes;
    pass.bytesRead += size;
    const whole = (author: string) =>
      this.retention?.keep(author) === 'all' || pass.keptWhole?.(author) === true;
    if (whole(s.author)) return [...s.events];
    // Over budget: first ask the roster what was read so far (a first sync knows no one until then,
    // and a big group's history is more than the budget), at most twice per budget's worth read, so
    // a flood of strangers' segments costs a few roster folds, not one per segment.
    if (pass.undecided + size > budget && pass.bytesRead - pass.rosterAt >= budget / 2) {
      this.foldRosterPartWay(pass);
      if (whole(s.author)) return [...s.events];
    }
    if (pass.undecided + size <= budget) {
      pass.undecided += size;
      pass.undecidedBy.set(s.author, (pass.undecidedBy.get(s.author) ?? 0) + size);
      return [...s.events];
    }
    return s.events.filter((e) => e.kind === JOIN_REQUEST);
  }

  /**
   * Folds the roster of what is held and what this pass read so far; the bytes of keys it keeps
   * whole stop counting as undecided, so their segments are not read again once the pass settles.
   * Only the roster's own events are folded (a few hundred of a year's 50,000), so this is a guess:
   * where it errs, a segment is read again after the pass, or held until the settle after the pass
   * (which decides with the whole fold, as always) forgets what it gave.
   */
  private foldRosterPartWay(pass: KeeperPass): void {
    pass.rosterAt = pass.bytesRead;
    const roster = [...this.kept.events.values(), ...[...pass.read.values()].flat()].filter(isRosterEvent);
    pass.keptWhole = keptWhole(this.genesis, roster);
    for (const [author, bytes] of pass.undecidedBy)
      if (pass.keptWhole(author)) {
        pass.undecided -= bytes;
        pass.undecidedBy.delete(author);
      }
  }

  /**
   * After a pass walked the folder (`files`; `changed` lists the entries new, replaced or gone since
   * `before`): holds what it read, applies the quotas, then folds, forgets and reads again until
   * what is held is what is kept. Looks only at what changed, and at the segments of keys now kept
   * otherwise. Entries whose verdict changes are replaced (never changed in place); returns them.
   */
  async settle(
    files: Cursor['files'],
    before: Cursor['files'],
    changed: readonly string[],
    pass: KeeperPass,
    genesis: string,
  ): Promise<Set<string>> {
    const all = !this.indexed;
    const look = new Set(all ? Object.keys(files) : changed);
    if (all) this.index(Object.keys(files), {}, files);
    else this.index(changed, before, files);
    this.indexed = true;
    this.takeRead(files, all ? [...this.kept.files().keys()] : changed, pass, genesis);
    const replaced = this.applyQuotas(files, all ? Object.keys(files) : changed, before);
    for (const file of replaced) look.add(file);
    for (let round = 0; round < MAX_ROUNDS; round++) {
      const retention = this.retain(files);
      this.retention = retention;
      for (const author of this.keysChanged(retention))
        for (const file of this.byAuthor.get(author) ?? []) look.add(file);
      const again: Array<[string, Keep]> = [];
      let forgot = false;
      for (const file of look) {
        const entry = files[file];
        if (entry?.outcome !== 'read' || !entry.days || !entry.author) continue;
        const keep: Keep = entry.quota ? 'none' : retention.keep(entry.author);
        let held = this.kept.given(file);
        if (keep !== 'all' && held.length > 0) {
          const stay = held.filter((id) => retention.admits(this.kept.events.get(id)!, keep));
          if (stay.length < held.length) {
            this.forget(this.kept.give(file, stay), pass, genesis);
            pass.given.add(file);
            forgot = true;
            held = stay;
          }
        }
        if (held.length < wanted(entry, keep, retention)) again.push([file, keep]);
      }
      look.clear();
      // Events whose file is gone stay held while their key is kept for them.
      for (const author of [...this.kept.authors()]) {
        const keep = retention.keep(author);
        if (keep === 'all') continue;
        const drop = this.kept
          .loose(author)
          .filter((id) => id !== genesis && !retention.admits(this.kept.events.get(id)!, keep));
        if (drop.length > 0) {
          this.forget(drop, pass, genesis);
          forgot = true;
        }
      }
      for (let i = 0; i < again.length; i += CONCURRENCY)
        await Promise.all(
          again.slice(i, i + CONCURRENCY).map(async ([file, keep]) => {
            if (!(await this.readAgain(files, file, keep, retention, pass))) replaced.add(file);
          }),
        );
      if (!forgot && again.length === 0) break;
    }
    return replaced;
  }

  /** Keys whose keeping changed since the last pass settled (or this pass's last round). */
  private keysChanged(retention: Retention): string[] {
    const now = new Map<string, string>();
    for (const author of new Set([...this.byAuthor.keys(), ...this.kept.authors()]))
      now.set(author, `${retention.keep(author)} ${retention.chosenJoin(author) ?? ''}`);
    const out = [...now].filter(([author, how]) => this.settledKeeps.get(author) !== how).map(([a]) => a);
    this.settledKeeps = now;
    return out;
  }

  /** Keeps the indexes of read segments in line with the entries that changed. */
  private index(changed: Iterable<string>, before: Cursor['files'], files: Cursor['files']): void {
    const add = (map: Map<string, Set<string>>, key: string, file: string) => {
      const set = map.get(key);
      if (set) set.add(file);
      else map.set(key, new Set([file]));
    };
    const remove = (map: Map<string, Set<string>>, key: string, file: string) => {
      const set = map.get(key);
      set?.delete(file);
      if (set?.size === 0) map.delete(key);
    };
    for (const file of changed) {
      const old = before[file];
      if (old?.author) {
        remove(this.byGroup, quotaKey(file, old), file);
        remove(this.byAuthor, old.author, file);
      }
      this.withJoin.delete(file);
      const entry = files[file];
      if (entry?.outcome !== 'read' || !entry.days || !entry.author) continue;
      add(this.byGroup, quotaKey(file, entry), file);
      add(this.byAuthor, entry.author, file);
      if (entry.join) this.withJoin.add(file);
    }
  }

  /** Sets the quota verdicts (deviceQuota.ts) in each quota group where a segment came, went or changed. */
  private applyQuotas(
    files: Cursor['files'],
    changed: readonly string[],
    before: Cursor['files'],
  ): Set<string> {
    const touched = new Set<string>();
    for (const file of changed)
      for (const entry of [before[file], files[file]]) if (entry?.author) touched.add(quotaKey(file, entry));
    const segments: QuotaFile[] = [];
    for (const group of touched)
      for (const file of this.byGroup.get(group) ?? []) {
        const entry = files[file]!;
        segments.push({ path: file, author: entry.author!, size: entry.size, days: entry.days! });
      }
    const refused = refusedByQuota(segments, this.options.quota);
    const replaced = new Set<string>();
    for (const { path: file } of segments) {
      const entry = files[file]!;
      const why = refused.get(file);
      if (why === entry.quota) continue;
      const { quota: _old, ...rest } = entry;
      files[file] = why ? { ...rest, quota: why } : rest;
      replaced.add(file);
    }
    return replaced;
  }

  /** Whose events are kept, from the roster folded now and the first joins of accepted segments. */
  private retain(files: Cursor['files']): Retention {
    const firstJoins = new Map<string, string>();
    for (const file of this.withJoin) {
      const entry = files[file];
      if (entry?.outcome !== 'read' || entry.quota || !entry.join || !entry.author) continue;
      const seen = firstJoins.get(entry.author);
      if (seen === undefined || entry.join < seen) firstJoins.set(entry.author, entry.join);
    }
    return new Retention({ members: this.options.members(), named: this.kept.named(), firstJoins });
  }

  /**
   * Holds what the pass read. A file gone or changed gives nothing any more, but what it gave stays
   * held (a sync tool may have taken it away for a moment; a compaction holds it again); what a file
   * past its directory's file quota gave is forgotten, as a refused file's.
   */
  private takeRead(
    files: Cursor['files'],
    changed: Iterable<string>,
    pass: KeeperPass,
    genesis: string,
  ): void {
    for (const file of changed) {
      if (!this.kept.files().has(file) || (files[file]?.outcome === 'read' && !pass.read.has(file))) continue;
      const loose = this.kept.give(file, []);
      if (pass.unread.has(file)) this.forget(loose, pass, genesis);
      pass.given.add(file);
    }
    for (const [file, events] of pass.read) {
      for (const e of events) this.hold(e, pass);
      this.kept.give(
        file,
        events.map((e) => e.id),
      );
      pass.given.add(file);
    }
  }

  private forget(ids: readonly string[], pass: KeeperPass, genesis: string): void {
    for (const id of ids) {
      if (id === genesis || !this.kept.forget(id)) continue;
      if (!pass.added.delete(id)) pass.forgot = true;
      this.options.changed(null);
    }
  }

  /** False when the file changed meanwhile: its entry is replaced, to be read at the next sync. */
  private async readAgain(
    files: Cursor['files'],
    file: string,
    keep: Keep,
    retention: Retention,
    pass: KeeperPass,
  ): Promise<boolean> {
    const entry = files[file]!;
    pass.readAgain++;
    const events = await this.options.readAgain(file, entry);
    if (!events) {
      files[file] = { ...entry, outcome: 'retry', reason: 'changed: read again at the next sync' };
      return false;
    }
    const ids = new Set(this.kept.given(file));
    for (const e of events) {
      if (!retention.admits(e, keep)) continue;
      this.hold(e, pass);
      ids.add(e.id);
    }
    this.kept.give(file, [...ids]);
    pass.given.add(file);
    return true;
  }
}

/** Per segment entry (entries are never changed in place), so a sync does not work them out again. */
const totals = new WeakMap<CursorEntry, number>();

/** The quota group of a segment: its device directory and its key. */
function quotaKey(file: string, entry: CursorEntry): string {
  return `${file.split('/')[1]}/${entry.author}`;
}

/** How many of its events a segment gives when its key is kept as `keep`. */
function wanted(entry: CursorEntry, keep: Keep, retention: Retention): number {
  if (keep === 'all') {
    let total = totals.get(entry);
    if (total === undefined) {
      total = Object.values(entry.days ?? {}).reduce((sum, n) => sum + n, 0);
      totals.set(entry, total);
    }
    return total;
  }
  if (keep === 'joins') return entry.joins ?? 0;
  if (keep === 'first')
    return entry.join !== undefined && entry.join === retention.chosenJoin(entry.author!) ? 1 : 0;
  return 0;
}

/** What the cursor keeps of a segment for the quotas and retention. */
export function segmentFigures(s: Segment, genesis: GroupEvent | undefined): Partial<CursorEntry> {
  const days: Record<string, number> = {};
  // Counted by runs of one day (a segment's events are mostly in clock order): a record's key is
  // looked up once a run, not once an event.
  let day = '';
  let run = 0;
  let joins = 0;
  let firstHlc: string | undefined;
  for (const e of s.events) {
    if (run > 0 && e.hlc.startsWith(day)) run++;
    else {
      if (run > 0) days[day] = (days[day] ?? 0) + run;
      day = e.hlc.slice(0, 10);
      run = 1;
    }
    if (e.kind === JOIN_REQUEST) joins++;
    if (firstHlc === undefined || e.hlc < firstHlc) firstHlc = e.hlc;
  }
  if (run > 0) days[day] = (days[day] ?? 0) + run;
  const join = joins > 0 ? firstJoin(s.events, genesis) : undefined;
  return {
    author: s.author,
    days,
    ...(firstHlc ? { firstHlc } : {}),
    ...(joins > 0 ? { joins } : {}),
    ...(join ? { join } : {}),
  };
}
