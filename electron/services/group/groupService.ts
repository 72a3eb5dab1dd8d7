// One joined group on this computer: its folder's sync engine, this member's outbox and blobs,
// and everything the member does in it (join, roster decisions, sharing, withdrawing). Work is
// written locally first and published when the folder is there (design rule 9); until the folder
// gives it back, this member's own work is folded in from the outbox, so it shows at once.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { LecternError } from '../../../shared/api/errors';
import { isVideo } from '../../../shared/domain/speech';
import type { GroupStatus } from '../../../shared/api/groupContract';
import type { SetAsideEvent } from '../../../shared/group/causalRoster';
import { foldSnapshot, stateHash } from '../../../shared/group/fold';
import type { GroupState } from '../../../shared/group/groupState';
import {
  JOIN_REQUEST,
  RECORDING_METRICS,
  RECORDING_SHARED,
  RECORDING_WITHDRAWN,
  ROSTER_DECISION,
} from '../../../shared/group/groupEvent';
import type { GroupEvent, RecordingMetricsBody, RosterDecisionKind } from '../../../shared/group/groupEvent';
import type { KindRegistry } from '../../../shared/group/kindRegistry';
import type { MemberDevice } from '../../../shared/group/memberDevice';
import { recordingsOf } from '../../../shared/group/recordings';
import type { SharedRecording } from '../../../shared/group/recordings';
import { REFLECTION_SHARED, REFLECTION_WITHDRAWN, reflectionsOf } from '../../../shared/group/reflections';
import { charterHash } from '../../../shared/group/roster';
import { shareLimitOf } from '../../../shared/group/shareLimit';
import { BlobStore } from '../groupFolder/blobStore';
import { GroupSync } from '../groupFolder/groupSync';
import type { SyncReport } from '../groupFolder/groupSync';
import { Outbox } from '../groupFolder/outbox';
import { PendingBlobs } from '../groupFolder/pendingBlobs';
import { GroupMedia } from './groupMedia';
import type { SpeechSource } from './groupMedia';
import { SHARE_TEMP_DIR, checkShareCap, mediaToShare, peaksBlob, shareSizesOf } from './shareMedia';
import type { ShareSizes } from './shareMedia';

/** How a speech is shared: its title in the group, and for a video, the picture or only its audio. */
export interface ShareOptions {
  title?: string | undefined;
  /** Share a video speech's picture (the default) or only its audio; an audio speech ignores it. */
  picture?: boolean | undefined;
}

export interface GroupServiceOptions {
  groupId: string;
  folder: string;
  /** This group's local data dir (cursor, event cache, outbox). */
  dataDir: string;
  device: MemberDevice;
  /** Persists the device clock after every write. */
  saveClock: () => Promise<void>;
  speeches: SpeechSource;
  onChange: (groupId: string) => void;
  onStatus: (status: GroupStatus) => void;
  now?: () => number;
  /** The event kinds to fold with (the app's full registry, or a test's). */
  registry: KindRegistry;
}

const READ_ONLY_CODES = new Set(['EACCES', 'EPERM', 'EROFS']);

export class GroupService {
  readonly groupId: string;
  readonly folder: string;
  readonly media: GroupMedia;
  private readonly sync: GroupSync;
  private readonly outbox: Outbox;
  private readonly blobs: BlobStore;
  private readonly pendingBlobs: PendingBlobs;
  private last: GroupStatus | null = null;
  private firstSync: Promise<GroupStatus | null> | undefined;
  /** What the latest publish found in this device's own folder directory that is not its own. */
  private notPublished: GroupStatus['notPublished'] = [];
  private lastSyncedAt: string | null = null;
  /** A digest of the blobs in this copy of the folder at the last sync (see blobsMoved). */
  private blobsDigest: string | undefined;
  /**
   * This device's events the folder has not given back yet (away, read-only, or not synced since):
   * null until the first sync reads them from the outbox.
   */
  private unpublished: GroupEvent[] | null = null;
  private withUnpublished: {
    base: GroupState;
    own: GroupEvent[];
    state: GroupState;
    hash: () => string;
  } | null = null;
  /** Syncs and writes run one at a time, so a watcher-triggered sync never races a write. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: GroupServiceOptions) {
    const { groupId, folder, dataDir, device } = options;
    this.groupId = groupId;
    this.folder = folder;
    const now = options.now ?? Date.now;
    this.sync = new GroupSync({
      folder,
      dataDir,
      now,
      registry: options.registry,
    });
    this.outbox = new Outbox({
      dataDir,
      folder,
      key: device.key,
      group: groupId,
      device: device.deviceId,
      now,
    });
    this.blobs = new BlobStore(folder, device.deviceId, undefined, now);
    this.pendingBlobs = new PendingBlobs(path.join(dataDir, 'pending-blobs'), device.deviceId);
    this.media = new GroupMedia(folder, () => this.sync.state().state);
  }

  private get device(): MemberDevice {
    return this.options.device;
  }

  /** Publishes the outbox, reads what changed, and reports (and announces) the status. */
  syncNow(): Promise<GroupStatus> {
    const run = this.serial(() => this.syncLocked());
    this.firstSync ??= run.catch(() => null);
    return run;
  }

  /** The latest status; before any, the first sync's (still running in the background) or a new one. */
  async status(): Promise<GroupStatus> {
    return this.last ?? (await this.firstSync) ?? this.syncNow();
  }

  /**
   * Settles once the last finished sync's cache write is on disk (before the app quits). A sync still
   * reading the folder is not waited for: quitting must never hang on a network share; its cache is
   * left as a power cut would leave it, and the next start reads again what it lacks.
   */
  close(): Promise<void> {
    return this.sync.cacheWritten();
  }

  /** Reads what this computer already knows of the group (its cache), so views answer before a sync. */
  loadCache(): Promise<void> {
    return this.serial(() => this.sync.load());
  }

  /**
   * The group as this member sees it: what the folder holds, plus their own events still waiting to
   * be written there (folded in, never kept: the folder's copy replaces them once it is read).
   */
  state(): { state: GroupState; hash: string } {
    const base = this.sync.state();
    const own = this.waitingEvents();
    if (own.length === 0) return base;
    const cached = this.withUnpublished;
    if (cached?.base !== base.state || cached.own.map((e) => e.id).join() !== own.map((e) => e.id).join()) {
      const { state } = foldSnapshot(this.groupId, [...this.sync.allEvents(), ...own], this.options.registry);
      let hash: string | undefined;
      this.withUnpublished = { base: base.state, own, state, hash: () => (hash ??= stateHash(state)) };
    }
    const shown = this.withUnpublished!;
    return {
      state: shown.state,
      get hash() {
        return shown.hash();
      },
    };
  }

  /** Ids of this member's events not in the folder yet: the feed says they wait for it. */
  waitingIds(): ReadonlySet<string> {
    return new Set(this.waitingEvents().map((e) => e.id));
  }

  /** This member's own events of a kind, in the folder or still waiting for it, oldest first. */
  ownEvents(kind: string): GroupEvent[] {
    const me = this.device.key.keyId;
    return [...this.sync.allEvents(), ...this.waitingEvents()].filter(
      (e) => e.author === me && e.kind === kind,
    );
  }

  private waitingEvents(): GroupEvent[] {
    return (this.unpublished ?? []).filter((e) => !this.sync.knows(e.id));
  }

  /** Members' entries the fold did not apply, and why (format 2). */
  setAside(): SetAsideEvent[] {
    return this.sync.setAside();
  }

  /** When another member first saw each event (format 2); null in a format-1 group. */
  witnessedAt(): ((eventId: string) => string | null) | null {
    return this.sync.witnessedAt();
  }

  requestJoin(displayName: string): Promise<GroupEvent> {
    return this.write(() => {
      const charter = this.state().state.group?.charter;
      if (charter === undefined) throw new LecternError('unavailable', 'errors.notAGroupFolder');
      return [JOIN_REQUEST, { displayName, charterHash: charterHash(charter) }];
    });
  }

  decide(member: string, decision: RosterDecisionKind): Promise<GroupEvent> {
    return this.write(() => {
      if (!this.isCoachNow()) throw new LecternError('forbidden', 'errors.coachOnly');
      // A decision must have seen its target's latest event (the join request it approves, at least).
      const seen = this.sync.allEvents().findLast((e) => e.author === member);
      return [ROSTER_DECISION, { member, decision }, seen];
    });
  }

  /**
   * Copies a speech's media (for a video, the picture or only its audio) and peaks into this device's
   * directory as blobs, streamed, then shares it. Refused before anything is copied when the file is
   * over the group's cap (the fold would refuse it anyway: shareLimit.ts).
   */
  async shareSpeech(speechId: string, { title, picture = true }: ShareOptions = {}): Promise<GroupEvent> {
    const file = await this.options.speeches.mediaFile(speechId);
    if (!file) throw new LecternError('not_found', 'errors.not_found', { speechId });
    const speech = await this.options.speeches.get(speechId);
    const peaksJson = peaksBlob(await this.options.speeches.peaks(speechId));
    const now = (this.options.now ?? Date.now)();
    const media = await mediaToShare(file, picture, path.join(this.options.dataDir, SHARE_TEMP_DIR), now);
    try {
      checkShareCap(media.byteSize, isVideo(media.mimeType), shareLimitOf(this.state().state));
      // Blobs first: the event must never name audio that is not in the folder (or on its way).
      const sha256 = await this.putBlob((store) => store.putFile(media.path));
      const peaksSha256 = await this.putBlob((store) => store.put(peaksJson));
      const metrics = await this.options.speeches.metrics?.(speechId);
      const shared = await this.write(() => [
        RECORDING_SHARED,
        {
          sha256,
          byteSize: media.byteSize,
          durationMs: speech.durationMs,
          peaksSha256,
          title: title ?? speech.title,
          mime: media.mimeType,
        },
      ]);
      // Its metrics travel as an event of their own kind (docs/sync-format.md, "Delivery metrics").
      if (metrics) {
        const language = speech.language ?? 'other';
        await this.write(() => [RECORDING_METRICS, { recording: shared.id, language, metrics }]);
      }
      return shared;
    } finally {
      await media.dispose();
    }
  }

  /** The sizes the share choice offers, and the group's cap in force. */
  async shareSizes(speechId: string): Promise<ShareSizes> {
    const file = await this.options.speeches.mediaFile(speechId);
    if (!file) throw new LecternError('not_found', 'errors.not_found', { speechId });
    return shareSizesOf(file, shareLimitOf(this.state().state));
  }

  /**
   * This member's recordings of a speech: its media as it is, or (a video shared as audio only) the
   * same peaks, which both ways of sharing keep.
   */
  async recordingsOfSpeech(speechId: string): Promise<SharedRecording[]> {
    const speech = await this.options.speeches.get(speechId);
    const peaksSha = createHash('sha256')
      .update(peaksBlob(await this.options.speeches.peaks(speechId)))
      .digest('hex');
    const me = this.device.key.keyId;
    return Object.values(recordingsOf(this.state().state)).filter(
      (r) => r.author === me && (r.sha256 === speech.sha256 || r.peaksSha256 === peaksSha),
    );
  }

  /**
   * Shares metrics that arrived after their speech was shared (its analysis still ran, or an older
   * speech was opened since): each of this member's recordings of that audio without metrics gets
   * them. Returns how many.
   */
  async shareLateMetrics(speechId: string): Promise<number> {
    const metrics = await this.options.speeches.metrics?.(speechId);
    const speech = metrics ? await this.options.speeches.get(speechId).catch(() => undefined) : undefined;
    if (!metrics || !speech) return 0;
    const without = (await this.recordingsOfSpeech(speechId)).filter((r) => !r.metrics);
    const language = speech.language ?? 'other';
    for (const r of without)
      await this.write(() => [RECORDING_METRICS, { recording: r.id, language, metrics }]);
    return without.length;
  }

  /** The metrics shared with a recording of this group, or null when its author shared none. */
  recordingMetrics(recording: string): Pick<RecordingMetricsBody, 'language' | 'metrics'> | null {
    return recordingsOf(this.state().state)[recording]?.metrics ?? null;
  }

  shareReflection(title: string, text: string): Promise<GroupEvent> {
    return this.write(() => [REFLECTION_SHARED, { title, text }]);
  }

  /** Withdraws a speech or reflection this member shared; a speech's blobs leave the folder too. */
  async withdraw(id: string): Promise<GroupEvent> {
    const { state } = this.state();
    const recording = recordingsOf(state)[id];
    const reflection = reflectionsOf(state)[id];
    const mine = (recording ?? reflection)?.author === this.device.key.keyId;
    if (!mine) throw new LecternError('forbidden', 'errors.notYourItem');
    const event = await this.write(() =>
      recording ? [RECORDING_WITHDRAWN, { recording: id }] : [REFLECTION_WITHDRAWN, { reflection: id }],
    );
    if (recording) {
      const stillShared = Object.values(recordingsOf(this.state().state)).filter(
        (r) => r.author === this.device.key.keyId,
      );
      for (const sha of [recording.sha256, recording.peaksSha256])
        if (!stillShared.some((r) => r.sha256 === sha || r.peaksSha256 === sha))
          for (const store of [this.blobs, this.pendingBlobs]) await store.delete(sha).catch(() => false); // the folder may be away: the event is what counts
    }
    return event;
  }

  /**
   * Writes one event of a feature's kind (rules, critiques). The API has validated the body against
   * the kind's schema; the fold still checks it and who may write it, on every computer.
   */
  append(kind: string, body: unknown): Promise<GroupEvent> {
    return this.write(() => [kind, body]);
  }

  isCoachNow(): boolean {
    const me = this.state().state.members[this.device.key.keyId];
    return me?.status === 'member' && me.role === 'coach';
  }

  /** Into the folder, or, while it is away or read-only, into the data dir until it is back. */
  private async putBlob(put: (store: BlobStore | PendingBlobs) => Promise<string>): Promise<string> {
    try {
      return await put(this.blobs);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (code === 'ENOENT' || READ_ONLY_CODES.has(code)) return put(this.pendingBlobs);
      throw err;
    }
  }

  private write(make: () => [string, unknown, GroupEvent?]): Promise<GroupEvent> {
    return this.serial(async () => {
      const [kind, body, alsoSeen] = make();
      // Format 2 links the event to what this device has seen; a format-1 group gets no links.
      const heads = this.sync.heads(this.device.key.keyId);
      const links = heads && alsoSeen?.prev !== undefined ? [...heads, alsoSeen] : heads;
      const event = this.device.event(kind, body, (this.options.now ?? Date.now)(), links ?? undefined);
      await this.outbox.write(event);
      if (this.unpublished) this.unpublished.push(event); // null: the sync below reads the outbox
      await this.options.saveClock();
      await this.syncLocked(true);
      return event;
    });
  }

  private async syncLocked(changed = false): Promise<GroupStatus> {
    let publishFailed = false;
    try {
      // Waiting blobs before the segments that name them.
      await this.pendingBlobs.publish(this.blobs);
      const published = await this.outbox.publish();
      if (published.status === 'ok') this.notPublished = published.problems;
    } catch (err) {
      if (!READ_ONLY_CODES.has((err as NodeJS.ErrnoException).code ?? '')) throw err;
      publishFailed = true; // kept in the outbox until the folder takes writes again
    }
    const report = await this.sync.sync();
    // Only members' events move this device's clock: a stranger's far-dated segment must not.
    const { members } = this.sync.state().state;
    const latest = this.sync.allEvents().findLast((e) => members[e.author]?.status === 'member');
    try {
      if (latest) this.device.observe(latest.hlc, (this.options.now ?? Date.now)());
    } catch {
      // a cached clock from the future: our next events still sort after our own
    }
    if (report.status === 'ok') this.lastSyncedAt = new Date((this.options.now ?? Date.now)()).toISOString();
    const status = await this.statusFrom(report, publishFailed);
    // Read once (after a restart, say, with the folder away); afterwards kept up by write().
    this.unpublished ??= status.waiting > 0 ? await this.outbox.pendingEvents() : [];
    this.unpublished = this.waitingEvents();
    // A sync tool brings a big blob well after the small segment that names it: its arrival (or its
    // leaving) changes what the views can play as much as an event does.
    const blobsMoved = await this.blobsMoved();
    if (changed || report.newEvents.length > 0 || blobsMoved) this.options.onChange(this.groupId);
    if (JSON.stringify(status) !== JSON.stringify(this.last)) this.options.onStatus(status);
    this.last = status;
    return status;
  }

  /** Whether the set of blobs in the folder changed since the last sync (the first look counts as none). */
  private async blobsMoved(): Promise<boolean> {
    const digest = createHash('sha256');
    for (const sha of [...(await this.media.arrived())].sort()) digest.update(sha);
    const now = digest.digest('hex');
    const moved = this.blobsDigest !== undefined && now !== this.blobsDigest;
    this.blobsDigest = now;
    return moved;
  }

  private async statusFrom(report: SyncReport, publishFailed: boolean): Promise<GroupStatus> {
    let folderState: GroupStatus['folderState'] =
      report.status === 'ok'
        ? 'ok'
        : report.status === 'missing-folder'
          ? 'missing'
          : report.status === 'wrong-group'
            ? 'wrong-group'
            : 'not-a-group';
    if (folderState === 'ok') {
      const writable = await fs.access(this.folder, constants.W_OK).then(
        () => true,
        () => false,
      );
      if (!writable || publishFailed) folderState = 'read-only';
    }
    return {
      groupId: this.groupId,
      folder: this.folder,
      folderState,
      lastSyncedAt: this.lastSyncedAt,
      waiting: await this.outbox.pending(),
      quarantined: report.quarantined,
      notPublished: this.notPublished,
      arriving: report.inFlight.length,
      anomalies: report.anomalies,
    };
  }

  private serial<T>(work: () => Promise<T>): Promise<T> {
    const next = this.queue.then(work, work);
    this.queue = next.catch(() => undefined);
    return next;
  }
}
