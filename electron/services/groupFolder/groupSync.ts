// Reads a group folder into verified events, incrementally: a file is read once per
// (path, size, mtime) and the cursor and event cache are kept in the local data dir, so a
// sync costs what changed, not the group's history (design rule 8). Bad files are
// quarantined with a reason, never deleted and never a crash (rule 6); a missing folder is
// a status, not an error (rule 9). What any one writer can make a reader read and hold is
// bounded (rule 10): per-device quotas (deviceQuota.ts), and only events the fold can use
// are kept (eventRetention.ts).
import { promises as fs } from 'node:fs';
import {
  foldMore,
  foldSnapshot,
  headsOf,
  orderEvents,
  setAsideOf,
  stateHash,
} from '../../../shared/group/fold';
import type { SetAsideEvent } from '../../../shared/group/causalRoster';
import { firstWitnessed } from '../../../shared/group/witnesses';
import type { FoldSnapshot } from '../../../shared/group/fold';
import type { GroupState } from '../../../shared/group/groupState';
import {
  BLOBS_DIR,
  GENESIS_FILE,
  SEGMENTS_DIR,
  classifyPath,
  isLayoutDirectory,
  segmentFileName,
} from '../../../shared/group/folderLayout';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { MAX_DRIFT_MS } from '../../../shared/group/hlc';
import type { KindRegistry } from '../../../shared/group/kindRegistry';
import { MAX_SEGMENT_BYTES, checkSegment, signedBy } from '../../../shared/group/segment';
import type { Segment } from '../../../shared/group/segment';
import { syncAnomalies } from '../../../shared/group/syncAnomalies';
import type { SyncAnomaly } from '../../../shared/group/syncAnomalies';
import { MAX_BLOB_BYTES, verifyBlobFile } from './blobStore';
import { DEVICE_QUOTA, withinFileQuota } from './deviceQuota';
import type { DeviceQuota } from './deviceQuota';
import { EventKeeper, keeperPass, segmentFigures } from './eventKeeper';
import type { KeeperPass } from './eventKeeper';
import { MAX_GENESIS_BYTES, parseGenesis } from './genesisFile';
import type { SyncStatus } from './genesisFile';
import { listDirectory } from './dirListing';
import type { DirListing } from './dirListing';
import { nativeSha256Hex, nativeVerifyOffThread } from './nativeCrypto';
import { Quarantine } from './quarantine';
import type { QuarantinedFile } from './quarantine';
import { lstatWalked, readWalkedFile } from './safePath';
import { SyncCacheWriter, emptyCursor, loadSyncCache } from './syncCache';
import type { Cursor, CursorEntry } from './syncCache';

export type { SyncStatus } from './genesisFile';
export type { QuarantinedFile } from './quarantine';

const MAX_DEPTH = 4;
const VISIT_CONCURRENCY = 16;
/** How often a sync looks at every file, trusting no directory listing (see dirListing). */
const FULL_PASS_EVERY_MS = 5 * 60_000;
/** Longer than the coarsest mtime granularity a group folder may sit on (FAT: 2 s). */
const SETTLE_MS = 2_000;
/**
 * Segment bytes of keys not (yet) kept that one sync holds whole until the fold says whose they
 * are (see KeeperOptions): a real group's whole history fits, so a first sync reads it once, while
 * a flood from strangers is not all held at once.
 */
const UNDECIDED_BYTES = 32 * 1024 * 1024;
const SEGMENTS_DIR_RE = /^devices\/[0-9a-f]{16}\/segments$/;
const DEVICE_DIR_RE = /^devices\/[0-9a-f]{16}$/;
const onlyLayout = (names: readonly string[]) =>
  names.every((n) => n === `${SEGMENTS_DIR}/` || n === `${BLOBS_DIR}/`);

export interface SyncReport {
  status: SyncStatus;
  /** A sentence for logs and the CLI; the UI maps `status` to its own words. */
  message: string;
  groupId: string | null;
  /** Files of the group seen in this pass (segments, blobs, genesis, conflict copies). */
  files: number;
  /** Files actually read in this pass (new or changed since the last). */
  read: number;
  newEvents: GroupEvent[];
  /** Every file currently quarantined, with why. */
  quarantined: QuarantinedFile[];
  /** Sync tools' temporary files and placeholders: not yet arrived, looked at again next time. */
  inFlight: string[];
  /** What a sync tool left that the coach should hear of (conflict copies), from this pass's listings. */
  anomalies: SyncAnomaly[];
}

export interface GroupSyncOptions {
  folder: string;
  /** Local data dir for the cursor and event cache; omitted = in memory only (verify). */
  dataDir?: string;
  now?: () => number;
  /** The kinds to fold with (the app's is appRegistry, a test names its own); there is no default. */
  registry: KindRegistry;
  /**
   * Hash every new blob while syncing (the verify command does). Off by default: blobs are
   * checked when they are used (BlobStore.get), so a sync does not read every speech's audio.
   */
  verifyBlobs?: boolean;
  /** When directory listings are trusted (see dirListing); the defaults suit any file system. */
  directoryTrust?: { settleMs?: number; fullPassEveryMs?: number };
  /** The per-device quotas (deviceQuota.ts); tests make them small. */
  quota?: Partial<DeviceQuota>;
  /** See UNDECIDED_BYTES; tests make it small. */
  undecidedBytes?: number;
}

const NO_STATS = { size: 0, mtimeMs: 0, ino: 0, ctimeMs: 0 };

/** What one sync pass builds: the next cursor, the report, and the events it read. */
interface Pass {
  files: Cursor['files'];
  dirs: Map<string, DirListing>;
  report: SyncReport;
  /** What the pass read and did to what is held. */
  keep: KeeperPass;
  /** Look at every file, trusting no directory listing (the first sync, then every few minutes). */
  full: boolean;
}

export class GroupSync {
  private cursor: Cursor = emptyCursor();
  /** The events held: the quotas and retention decide which (eventKeeper.ts). */
  private readonly keeper: EventKeeper;
  private loaded = false;
  /** The fold is pure, so its result is kept and extended with events that arrive later. */
  private folded: FoldSnapshot | null = null;
  private unfolded: GroupEvent[] = [];
  private hashed: { state: GroupState; hash: string } | null = null;
  private lastFullPass = -Infinity;
  private dirs = new Map<string, DirListing>();
  /** Per listing: one kept from the last pass is the same object, so only changed directories are looked at. */
  private readonly listedAnomalies = new WeakMap<DirListing, SyncAnomaly[]>();
  private cacheWriter: SyncCacheWriter | null = null;
  /**
   * The last pass's cache write. A pass hands back its state without waiting for it (the feed shows
   * sooner; the cache only spares the next start a re-read), and the next pass begins once it is done,
   * so the cache is written in pass order and from the state that pass left.
   */
  private cacheWrite: Promise<void> = Promise.resolve();
  private readonly registry: KindRegistry;

  constructor(private readonly options: GroupSyncOptions) {
    this.registry = options.registry;
    this.keeper = new EventKeeper({
      quota: this.quota,
      undecidedBytes: options.undecidedBytes ?? UNDECIDED_BYTES,
      members: () => this.state().state.members,
      changed: (added) => {
        if (added) this.unfolded.push(added);
        else {
          // The fold cannot take events back: fold again from what is left.
          this.folded = null;
          this.unfolded = [];
        }
      },
      readAgain: (file, entry) => this.readAgain(file, entry),
    });
  }

  private get kept() {
    return this.keeper.kept;
  }

  get groupId(): string | null {
    return this.cursor.groupId;
  }

  /**
   * What a new event by `author` links to in a format-2 group (see headsOf); null in a format-1 group,
   * whose events carry no links.
   */
  heads(author: string): GroupEvent[] | null {
    this.state();
    return this.folded?.causal ? headsOf(this.folded, author) : null;
  }

  /** Members' entries the fold did not apply, and why (format 2; empty in format 1). */
  setAside(): SetAsideEvent[] {
    this.state();
    return this.folded ? setAsideOf(this.folded) : [];
  }

  private witnessed: { snapshot: FoldSnapshot; lookup: (eventId: string) => string | null } | null = null;

  /**
   * When another member first saw each event (see firstWitnessed), computed once per fold; null in a
   * format-1 group, whose events carry no links (there, "nobody saw it" would be meaningless).
   */
  witnessedAt(): ((eventId: string) => string | null) | null {
    this.state();
    const snapshot = this.folded;
    if (!snapshot?.causal) return null;
    if (this.witnessed?.snapshot !== snapshot)
      this.witnessed = { snapshot, lookup: firstWitnessed(snapshot) };
    return this.witnessed.lookup;
  }

  /** Whether a verified event with this id is held (read from the folder, or from the cache). */
  knows(eventId: string): boolean {
    return this.kept.events.has(eventId);
  }

  /** All verified events known so far (from the cache and every sync), in the fold's order. */
  allEvents(): GroupEvent[] {
    // The fold holds exactly these, ordered, when it is up to date: no need to sort them again.
    const folded = this.folded;
    if (folded && this.unfolded.length === 0 && folded.groupId === (this.cursor.groupId ?? ''))
      return [...folded.sorted];
    return orderEvents(this.kept.events.values());
  }

  /**
   * Folds everything known; works with the folder missing (offline). The hash is computed
   * on first use: the app shows the state, while the CLI and tests compare hashes.
   */
  state(): { readonly state: GroupState; readonly hash: string } {
    const groupId = this.cursor.groupId ?? '';
    if (!this.folded || this.folded.groupId !== groupId)
      this.folded = foldSnapshot(groupId, this.kept.events.values(), this.registry);
    else if (this.unfolded.length > 0) this.folded = foldMore(this.folded, this.unfolded);
    this.unfolded = [];
    const state = this.folded.state;
    const hashed = () => {
      if (this.hashed?.state !== state) this.hashed = { state, hash: stateHash(state) };
      return this.hashed.hash;
    };
    return {
      state,
      get hash() {
        return hashed();
      },
    };
  }

  /**
   * One pass over the folder. Never throws for anything found in the folder; a local cache write that
   * failed (a full disk) is thrown by the pass after it, or by {@link cacheWritten}.
   */
  async sync(): Promise<SyncReport> {
    await this.load();
    await this.cacheWritten();
    const report: SyncReport = {
      status: 'ok',
      message: '',
      groupId: this.cursor.groupId,
      files: 0,
      read: 0,
      newEvents: [],
      quarantined: [],
      inFlight: [],
      anomalies: [],
    };
    const folder = this.options.folder;
    const rootStats = await fs.stat(folder).catch(() => null);
    if (!rootStats?.isDirectory()) {
      return {
        ...report,
        status: 'missing-folder',
        message: `The group folder ${folder} is not there (unplugged or offline?). Working offline.`,
      };
    }

    const startedAt = (this.options.now ?? Date.now)();
    const pass: Pass = {
      files: {},
      dirs: new Map(),
      report,
      keep: keeperPass(),
      full:
        startedAt - this.lastFullPass >= (this.options.directoryTrust?.fullPassEveryMs ?? FULL_PASS_EVERY_MS),
    };

    // The genesis file decides which group this folder is.
    const genesis = await this.visit(GENESIS_FILE, pass, async (bytes) => this.readGenesis(bytes, pass));
    if (genesis === 'missing' || !this.cursor.groupId) {
      const reason = pass.files[GENESIS_FILE]?.reason;
      return {
        ...report,
        status: 'not-a-group',
        message: reason
          ? `${GENESIS_FILE} is unusable: ${reason}`
          : `No ${GENESIS_FILE}: this folder is not a Lectern group (or has not synced yet).`,
        quarantined: reason ? [{ path: GENESIS_FILE, reason }] : [],
      };
    }
    if (genesis === 'wrong-group') {
      return {
        ...report,
        status: 'wrong-group',
        message: `This folder now holds a different group than ${this.cursor.groupId}.`,
      };
    }

    this.keeper.begin(this.cursor.files, this.cursor.groupId);
    await this.walk('', 0, pass);

    if (pass.full) this.lastFullPass = startedAt;
    const before = this.cursor.files;
    this.cursor.files = pass.files;
    this.dirs = pass.dirs;
    const changed = changedEntries(before, this.cursor.files);
    const files = this.cursor.files;
    const replaced = await this.keeper.settle(
      files,
      before,
      Object.keys(changed),
      pass.keep,
      this.cursor.groupId,
    );
    for (const file of replaced) changed[file] = files[file] ?? null;
    report.read += pass.keep.readAgain;
    for (const id of pass.keep.added) {
      const e = this.kept.events.get(id);
      if (e) report.newEvents.push(e);
    }
    this.cacheWrite = this.persist(pass.keep, pass.full ? null : changed);
    // Reported by whoever waits for it next (the next pass, or cacheWritten), never unhandled.
    this.cacheWrite.catch(() => {});
    report.groupId = this.cursor.groupId;
    report.inFlight.sort();
    report.quarantined = this.quarantined();
    report.anomalies = this.anomaliesIn(pass.dirs);
    report.message = `Read ${report.read} of ${report.files} files; ${report.newEvents.length} new events; ${report.quarantined.length} quarantined.`;
    return report;
  }

  /** Hard quarantines from reading, plus segments whose signer the roster does not know or removed. */
  private quarantined(): QuarantinedFile[] {
    const { state } = this.state();
    const out: QuarantinedFile[] = [];
    for (const [p, entry] of Object.entries(this.cursor.files)) {
      if (entry.outcome !== 'read') out.push({ path: p, reason: entry.reason ?? 'unknown' });
      else if (entry.quota) out.push({ path: p, reason: entry.quota });
      else if (entry.author) {
        const member = state.members[entry.author];
        if (!member) out.push({ path: p, reason: 'unknown-key: signed by a key that is not in the roster' });
        else if (
          member.status === 'removed' &&
          member.removedAt &&
          entry.firstHlc &&
          entry.firstHlc > member.removedAt
        ) {
          out.push({ path: p, reason: 'removed-key: written after its author was removed' });
        }
      }
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  /** Conflict copies among the files of the directories a pass listed (a plain sync lists no `blobs/`). */
  private anomaliesIn(dirs: ReadonlyMap<string, DirListing>): SyncAnomaly[] {
    const out: SyncAnomaly[] = [];
    for (const [relDir, listing] of dirs) {
      let found = this.listedAnomalies.get(listing);
      if (!found) {
        const files = listing.names.filter((n) => !n.endsWith('/'));
        found = syncAnomalies(files.map((n) => (relDir ? `${relDir}/${n}` : n)));
        this.listedAnomalies.set(listing, found);
      }
      out.push(...found);
    }
    return out.sort((a, b) => (a.path < b.path ? -1 : 1));
  }

  private async walk(relDir: string, depth: number, pass: Pass): Promise<void> {
    if (depth > MAX_DEPTH) return;
    const previous = this.dirs.get(relDir);
    // A device directory holding only segments/ and blobs/ is taken as it was between full passes
    // (half the stat calls of a sync at 300 members): new segments show in segments/, which is
    // looked at, and anything else that appears beside them waits for the next full pass.
    const listing =
      !pass.full && previous?.settled && DEVICE_DIR_RE.test(relDir) && onlyLayout(previous.names)
        ? previous
        : await listDirectory(this.options.folder, relDir, {
            previous,
            trustPrevious: !pass.full,
            settleMs: this.options.directoryTrust?.settleMs ?? SETTLE_MS,
          });
    if (!listing) return; // vanished mid-walk (folder unplugged): the next sync catches up
    pass.dirs.set(relDir, listing);
    const files: string[] = [];
    const subdirectories: string[] = [];
    const over = SEGMENTS_DIR_RE.test(relDir) ? this.overFileQuota(relDir, listing.names, pass) : null;
    for (const listedName of listing.names) {
      const isDirectory = listedName.endsWith('/');
      const name = isDirectory ? listedName.slice(0, -1) : listedName;
      const rel = relDir ? `${relDir}/${name}` : name;
      if (rel === GENESIS_FILE || over?.has(rel)) continue;
      // Between full passes a file read before is taken as it was: segments are immutable and
      // arrive by rename, so what is new shows up under a new name.
      const previous = this.cursor.files[rel];
      if (!isDirectory && !pass.full && previous?.outcome === 'read') {
        pass.files[rel] = previous;
        pass.report.files++;
        continue;
      }
      const kind = classifyPath(rel);
      if (kind.type === 'tool-file') continue;
      if (kind.type === 'in-flight') {
        pass.report.inFlight.push(rel);
        continue;
      }
      if (isDirectory) {
        // Blobs are checked when used (BlobStore.get); a plain sync does not even list them.
        if (rel.endsWith(`/${BLOBS_DIR}`) && !this.options.verifyBlobs) continue;
        if (isLayoutDirectory(rel)) subdirectories.push(rel);
        else
          pass.files[rel] = {
            ...NO_STATS,
            outcome: 'quarantined',
            reason: 'unexpected-directory: not part of a Lectern group',
          };
        continue;
      }
      files.push(rel);
    }
    await fewAtATime(subdirectories, (rel) => this.walk(rel, depth + 1, pass));
    await fewAtATime(files, (rel) => this.visitEntry(rel, pass));
  }

  /**
   * The entries of a device's segments directory past its file quota (in sequence order): not
   * looked at, and reported once, as the directory.
   */
  private overFileQuota(relDir: string, names: readonly string[], pass: Pass): Set<string> | null {
    const limit = this.quota.files;
    if (names.length <= limit) return null;
    const rels = names
      .map((n) => `${relDir}/${n.endsWith('/') ? n.slice(0, -1) : n}`)
      .filter((rel) => {
        const type = classifyPath(rel).type;
        return type !== 'tool-file' && type !== 'in-flight';
      });
    const { over } = withinFileQuota(rels, limit);
    if (over.length === 0) return null;
    const n = over.length;
    const reason = `quota: ${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'} past the ${limit.toLocaleString('en-US')} a device's segments directory may hold (in sequence order) not read`;
    const previous = this.cursor.files[relDir];
    pass.files[relDir] =
      previous?.reason === reason ? previous : { ...NO_STATS, outcome: 'quarantined', reason };
    for (const rel of over) pass.keep.unread.add(rel);
    return new Set(over);
  }

  private get quota(): DeviceQuota {
    return { ...DEVICE_QUOTA, ...this.options.quota };
  }

  private visitEntry(rel: string, pass: Pass) {
    const kind = classifyPath(rel);
    return this.visit(
      rel,
      pass,
      async (bytes) => {
        if (kind.type === 'unexpected') throw new Quarantine('unexpected-file: not part of a Lectern group');
        if (kind.type === 'genesis') return this.readGenesisCopy(bytes);
        if (kind.type === 'blob') {
          if (!this.options.verifyBlobs) return {};
          const verdict = await verifyBlobFile(this.options.folder, rel, kind.sha256);
          if (!verdict.ok) throw new Quarantine(`blob ${verdict.reason}`);
          return {};
        }
        if (kind.type === 'segment') {
          const s = await this.parseSegmentFile(bytes, kind);
          this.checkClocks(s);
          pass.keep.read.set(rel, this.keeper.holdOnRead(s, bytes.length, pass.keep));
          return segmentFigures(s, this.kept.events.get(this.cursor.groupId!));
        }
        return {};
      },
      kind.type === 'blob',
    );
  }

  /**
   * Visits one file: skipped when the cursor has it at the same size and mtime, otherwise
   * read (bounded, no symlinks) and handled; any failure becomes a quarantine entry.
   */
  private async visit(
    rel: string,
    pass: Pass,
    handle: (bytes: Uint8Array) => Promise<Partial<CursorEntry> | 'wrong-group'>,
    streamed = false,
  ): Promise<'ok' | 'missing' | 'wrong-group'> {
    const stats = await lstatWalked(this.options.folder, rel);
    if (!stats) return 'missing';
    pass.report.files++;
    const previous = this.cursor.files[rel];
    if (
      previous &&
      previous.outcome !== 'retry' &&
      previous.size === stats.size &&
      previous.mtimeMs === stats.mtimeMs &&
      previous.ino === stats.ino &&
      previous.ctimeMs === stats.ctimeMs
    ) {
      pass.files[rel] = previous;
      return 'ok';
    }
    const base = { size: stats.size, mtimeMs: stats.mtimeMs, ino: stats.ino, ctimeMs: stats.ctimeMs };
    if (stats.isSymbolicLink()) {
      pass.files[rel] = { ...base, outcome: 'quarantined', reason: 'symlink: links are never followed' };
      return 'ok';
    }
    if (!stats.isFile()) {
      pass.files[rel] = { ...base, outcome: 'quarantined', reason: 'not-a-file' };
      return 'ok';
    }
    pass.report.read++;
    try {
      // Blobs are hashed as a stream (audio can be large); everything else is read whole, bounded.
      const limit = streamed ? MAX_BLOB_BYTES : rel === GENESIS_FILE ? MAX_GENESIS_BYTES : MAX_SEGMENT_BYTES;
      if (stats.size > limit) throw new Quarantine(`oversized: ${stats.size} bytes (limit ${limit})`);
      const bytes = streamed
        ? new Uint8Array()
        : await readWalkedFile(this.options.folder, rel, stats, limit);
      const extra = await handle(bytes);
      if (extra === 'wrong-group') return 'wrong-group';
      pass.files[rel] = { ...base, outcome: 'read', ...extra };
    } catch (err) {
      if (err instanceof Quarantine)
        pass.files[rel] = { ...base, outcome: err.retry ? 'retry' : 'quarantined', reason: err.reason };
      else pass.files[rel] = { ...base, outcome: 'retry', reason: `unreadable: ${(err as Error).message}` };
    }
    return 'ok';
  }

  private async parseSegmentFile(
    bytes: Uint8Array,
    kind: { deviceId: string; first: number; last: number },
  ): Promise<Segment> {
    const checked = checkSegment(bytes, {
      group: this.cursor.groupId!,
      device: kind.deviceId,
      sha256Hex: nativeSha256Hex,
    });
    const result = checked.ok
      ? signedBy(
          checked,
          await nativeVerifyOffThread(checked.segment.author, checked.signed, checked.segment.signature),
        )
      : checked;
    if (!result.ok) throw new Quarantine(`segment ${result.error.message}`);
    const s = result.segment;
    if (s.first !== kind.first || s.last !== kind.last) {
      throw new Quarantine(`name-mismatch: holds ${segmentFileName(s.first, s.last)}`);
    }
    return s;
  }

  private async readGenesis(bytes: Uint8Array, pass: Pass): Promise<Partial<CursorEntry> | 'wrong-group'> {
    const genesis = parseGenesis(bytes);
    if (this.cursor.groupId && this.cursor.groupId !== genesis.id) return 'wrong-group';
    this.cursor.groupId = genesis.id;
    // Always kept, and given by no file: nothing can make a reader forget which group this is.
    this.keeper.hold(genesis, pass.keep);
    return { author: genesis.author };
  }

  /** A conflict copy of group.json: the same genesis is a harmless duplicate; another group's is not. */
  private async readGenesisCopy(bytes: Uint8Array): Promise<Partial<CursorEntry>> {
    const genesis = parseGenesis(bytes);
    if (genesis.id !== this.cursor.groupId)
      throw new Quarantine("conflicting-genesis: another group's genesis");
    return {};
  }

  private checkClocks(segment: Segment): void {
    // A checked clock's ISO part is its one spelling of its instant, fixed width, so comparing the
    // text with the latest acceptable instant's is comparing the instants (no parse per event).
    const latest = new Date((this.options.now ?? Date.now)() + MAX_DRIFT_MS).toISOString();
    for (const e of segment.events) {
      if (e.hlc.slice(0, latest.length) > latest) {
        throw new Quarantine(
          `clock-drift: event dated ${e.hlc.slice(0, 24)} is more than ${MAX_DRIFT_MS / 60_000} minutes ahead of this computer's clock`,
          true,
        );
      }
    }
  }

  /** Settles once the last pass's cache write is on disk; rejects, once, with its error. */
  async cacheWritten(): Promise<void> {
    const write = this.cacheWrite;
    this.cacheWrite = Promise.resolve();
    await write;
  }

  /** Reads the local cache (no folder access), once; a sync does it first. Views before a sync use it. */
  async load(): Promise<void> {
    if (this.loaded) return;
    this.loaded = true;
    if (!this.options.dataDir) return;
    const { cursor, events, sources, logLines, sourceIds } = await loadSyncCache(this.options.dataDir);
    for (const e of events) if (this.kept.add(e)) this.unfolded.push(e);
    if (cursor) {
      this.cursor = cursor;
      // A file whose line is missing or short gives less than it should, and is read again.
      for (const [file, ids] of sources)
        if (cursor.files[file]?.outcome === 'read')
          this.kept.give(
            file,
            ids.filter((id) => this.kept.events.has(id)),
          );
    }
    this.cacheWriter = new SyncCacheWriter(this.options.dataDir, logLines, sourceIds);
  }

  private async persist(pass: KeeperPass, changed: Record<string, CursorEntry | null> | null) {
    if (!this.cacheWriter) return;
    this.cursor.events = this.kept.size;
    // The cache forgets what the fold no longer needs: written anew when something held was forgotten,
    // or when its lines of which file gave what are mostly superseded (files compacted away).
    if (pass.forgot || (pass.given.size > 0 && this.cacheWriter.outgrown(this.kept.files()))) {
      await this.cacheWriter.rewrite(this.cursor, this.kept.events.values(), this.kept.files());
      return;
    }
    const added: GroupEvent[] = [];
    for (const id of pass.added) {
      const e = this.kept.events.get(id);
      if (e) added.push(e);
    }
    const given = new Map([...pass.given].map((file) => [file, this.kept.given(file)]));
    await this.cacheWriter.persist(this.cursor, added, changed, given);
  }

  /** A segment read before, read again (see EventKeeper): null when it is not as it was. */
  private async readAgain(file: string, entry: CursorEntry): Promise<readonly GroupEvent[] | null> {
    const kind = classifyPath(file);
    const stats = await lstatWalked(this.options.folder, file);
    if (
      kind.type !== 'segment' ||
      !stats?.isFile() ||
      stats.size !== entry.size ||
      stats.mtimeMs !== entry.mtimeMs ||
      stats.ino !== entry.ino ||
      stats.ctimeMs !== entry.ctimeMs
    )
      return null;
    try {
      const bytes = await readWalkedFile(this.options.folder, file, stats, MAX_SEGMENT_BYTES);
      const s = await this.parseSegmentFile(bytes, kind);
      return s.author === entry.author ? s.events : null;
    } catch {
      return null;
    }
  }
}

/**
 * At most a few at a time, each runner taking the next item as soon as it is free: stat calls and
 * reads overlap well, and no runner waits for the slowest of a batch.
 */
async function fewAtATime<T>(items: readonly T[], work: (item: T) => Promise<unknown>): Promise<void> {
  let next = 0;
  const runner = async () => {
    while (next < items.length) await work(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(VISIT_CONCURRENCY, items.length) }, runner));
}

/** Entries new, replaced or gone since the last pass (entries kept as they were are the same objects). */
function changedEntries(before: Cursor['files'], after: Cursor['files']): Record<string, CursorEntry | null> {
  const changed: Record<string, CursorEntry | null> = {};
  for (const [file, entry] of Object.entries(after)) if (before[file] !== entry) changed[file] = entry;
  for (const file of Object.keys(before)) if (!(file in after)) changed[file] = null;
  return changed;
}
