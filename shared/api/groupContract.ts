// The group part of the contract: this computer's member key, the groups it belongs to (each a
// shared folder), the roster, sharing speeches and reflections, and the folder's sync status.
import { z } from 'zod';
import { SpeechMetrics } from '../audio/metrics/speechMetrics';
import { SpeechId, SpeechLanguage, speechLimits } from '../domain/speech';
import { groupLimits } from '../group/groupEvent';
import { reflectionLimits } from '../group/reflections';
import { syncAnomalyKinds } from '../group/syncAnomalies';

const Hex64 = z.string().regex(/^[0-9a-f]{64}$/);
export const GroupId = Hex64;
/** An absolute folder path on this computer, as the member chose it. */
export const FolderPath = z.string().trim().min(1).max(4096);
const Name = z.string().trim().min(1).max(groupLimits.memberName);

export const GroupInfo = z.object({
  groupId: GroupId,
  name: z.string(),
  charter: z.string(),
  timeZone: z.string(),
  coachName: z.string(),
});
export type GroupInfo = z.infer<typeof GroupInfo>;

export const QuarantinedFile = z.object({ path: z.string(), reason: z.string() });
/** A file a sync tool left that the coach should hear of (shared/group/syncAnomalies.ts). */
export const SyncAnomaly = z.object({
  kind: z.enum(syncAnomalyKinds),
  path: z.string(),
  original: z.string(),
});

export const folderStates = ['ok', 'missing', 'read-only', 'not-a-group', 'wrong-group'] as const;
export const GroupStatus = z.object({
  groupId: GroupId,
  folder: z.string(),
  /** What the folder looks like now; anything but `ok` means "working offline, will catch up". */
  folderState: z.enum(folderStates),
  lastSyncedAt: z.string().nullable(),
  /** Segments written on this computer that the folder does not have yet. */
  waiting: z.number().int(),
  quarantined: z.array(QuarantinedFile),
  /**
   * Files in this device's own folder directory that are not its own segments (planted, conflicting,
   * unreadable): never overwritten nor deleted, never blocking what this device publishes.
   */
  notPublished: z.array(QuarantinedFile),
  /** Files a sync tool is still copying. */
  arriving: z.number().int(),
  /** Conflict copies a sync tool left in the folder: read as usual, never deleted, told to the coach. */
  anomalies: z.array(SyncAnomaly),
});
export type GroupStatus = z.infer<typeof GroupStatus>;

export const memberStatuses = ['applicant', 'member', 'declined', 'removed'] as const;
export const GroupMember = z.object({
  keyId: Hex64,
  displayName: z.string(),
  role: z.enum(['member', 'coach']),
  status: z.enum(memberStatuses),
  requestedAt: z.string().optional(),
  approvedAt: z.string().optional(),
});

export const FeedItem = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('recording'),
    id: Hex64,
    author: Hex64,
    sharedAt: z.string(),
    title: z.string(),
    durationMs: z.number(),
    mime: z.string(),
    /** The shared file's size (a video with its picture, or its audio alone, is told apart by `mime`). */
    byteSize: z.number(),
    /**
     * Media paths (`/media/groups/…`) served with Range by both hosts; the renderer's `mediaUrl` makes
     * them loadable (signed in a browser). 404 until the sync tool has copied it.
     */
    audioUrl: z.string(),
    peaksUrl: z.string(),
    /** False while the sync tool is still copying the audio ("audio still arriving"), or the folder is away. */
    audioArrived: z.boolean(),
    /** Shared on this computer and not yet written to the folder (it is away or read-only): others cannot see it yet. */
    waiting: z.literal(true).optional(),
    /** The check-in (打卡) it was submitted with: that week's assignment and the reflection written with it. */
    checkIn: z
      .object({ title: z.string(), occurrence: z.number().int(), reflection: z.string().optional() })
      .optional(),
  }),
  z.object({
    type: z.literal('reflection'),
    id: Hex64,
    author: Hex64,
    sharedAt: z.string(),
    title: z.string(),
    text: z.string(),
    /** As for a speech: shared here, not yet in the folder. */
    waiting: z.literal(true).optional(),
  }),
]);
export type FeedItem = z.infer<typeof FeedItem>;

export const setAsideReasons = [
  'dated-before-its-past',
  'not-seen-by-removal',
  'not-a-coach',
  'format-1-event',
  'too-many-applicants',
] as const;
/** An entry of a roster member the fold did not apply, and why (docs/sync-format.md, format 2). */
export const SetAsideEntry = z.object({
  id: Hex64,
  author: Hex64,
  kind: z.string(),
  hlc: z.string(),
  reason: z.enum(setAsideReasons),
});
export type SetAsideEntry = z.infer<typeof SetAsideEntry>;

export const GroupView = z.object({
  info: GroupInfo,
  me: z.object({
    keyId: Hex64,
    status: z.enum([...memberStatuses, 'unknown']),
    role: z.enum(['member', 'coach']),
  }),
  members: z.array(GroupMember),
  /** Shared speeches and reflections, newest first. */
  feed: z.array(FeedItem),
  /** What the fold set aside of members' entries (newest first, at most 200): shown to coaches. */
  setAside: z.array(SetAsideEntry),
});
export type GroupView = z.infer<typeof GroupView>;

export const IdentityReport = z.object({
  /** Null while the key cannot be used (`problem` says why). */
  keyId: Hex64.nullable(),
  deviceId: z.string().nullable(),
  /** Sealed by the OS's keychain (the desktop app, where it can), or kept plainly, owner-only. */
  atRest: z.enum(['sealed', 'plaintext']).nullable(),
  /** The key file could not be read or opened; `keptAs` (in the data folder) still holds it. */
  problem: z.object({ reason: z.enum(['unreadable', 'sealed']), keptAs: z.string() }).nullable(),
  /** Shown until dismissed: this data folder was copied or moved, so this copy got its own device id. */
  notice: z
    .object({ kind: z.literal('device-renewed'), previousDeviceId: z.string(), at: z.string() })
    .nullable(),
});
export type IdentityReport = z.infer<typeof IdentityReport>;

export const JoinedGroup = z.object({ groupId: GroupId, name: z.string(), folder: z.string() });

/** A new key backup's passphrase: long enough to resist guessing offline, short enough to type. */
export const passphraseLimits = { min: 8, max: 1024 } as const;

export const groupContract = {
  /** This computer's member key (made on first use), how it is kept, and what the member should know. */
  'group.identity': {
    /** `dismissNotice`: the member has read the notice; it is not given again. */
    input: z.object({ dismissNotice: z.literal(true).optional() }).strict(),
    output: IdentityReport,
  },
  'group.exportKey': {
    input: z.object({ passphrase: z.string().min(passphraseLimits.min).max(passphraseLimits.max) }).strict(),
    /** The backup file's text; the renderer saves it where the member chooses. */
    output: z.object({ backup: z.string() }),
  },
  'group.importKey': {
    input: z
      .object({ backup: z.string().max(64 * 1024), passphrase: z.string().min(1).max(passphraseLimits.max) })
      .strict(),
    output: z.object({ keyId: Hex64 }),
  },
  'group.list': { input: z.object({}).strict(), output: z.array(JoinedGroup) },
  /** What a folder holds, before joining: shown with the charter the member agrees to. */
  'group.preview': {
    input: z.object({ folder: FolderPath }).strict(),
    output: GroupInfo.extend({ joined: z.boolean() }),
  },
  'group.create': {
    input: z
      .object({
        folder: FolderPath,
        name: z.string().trim().min(1).max(groupLimits.name),
        charter: z.string().max(groupLimits.charter),
        timeZone: z.string().min(1).max(64),
        coachName: Name,
      })
      .strict(),
    output: JoinedGroup,
  },
  'group.join': {
    input: z.object({ folder: FolderPath, displayName: Name }).strict(),
    output: JoinedGroup,
  },
  'group.view': { input: z.object({ groupId: GroupId }).strict(), output: GroupView },
  'group.decide': {
    input: z
      .object({
        groupId: GroupId,
        member: Hex64,
        decision: z.enum(['approve', 'decline', 'promote', 'remove']),
      })
      .strict(),
    output: z.null(),
  },
  /**
   * Shares a speech: a video with its picture (`picture`, the default) or only its audio (false: much
   * smaller, for slow clouds); an audio speech ignores `picture`. Refused over the group's cap.
   */
  'group.shareSpeech': {
    input: z
      .object({
        groupId: GroupId,
        speechId: SpeechId,
        title: z.string().trim().min(1).max(speechLimits.title).optional(),
        picture: z.boolean().optional(),
      })
      .strict(),
    output: z.object({ id: Hex64 }),
  },
  /** What sharing a speech would store: its file, about its audio alone (a video), the group's cap. */
  'group.shareSizes': {
    input: z.object({ groupId: GroupId, speechId: SpeechId }).strict(),
    output: z.object({
      bytes: z.number().int().min(0),
      audioOnlyBytes: z.number().int().min(0).nullable(),
      maxBytes: z.number().int().min(1).nullable(),
    }),
  },
  'group.shareReflection': {
    input: z
      .object({
        groupId: GroupId,
        title: z.string().trim().min(1).max(reflectionLimits.title),
        text: z.string().max(reflectionLimits.text),
      })
      .strict(),
    output: z.object({ id: Hex64 }),
  },
  /** Withdraws a speech or reflection this member shared. */
  'group.withdraw': { input: z.object({ groupId: GroupId, id: Hex64 }).strict(), output: z.null() },
  'group.syncNow': { input: z.object({ groupId: GroupId }).strict(), output: GroupStatus },
  'group.status': { input: z.object({ groupId: GroupId }).strict(), output: GroupStatus },
  /** The delivery metrics its author shared with a recording (by the sharing event's id), or null. */
  'group.recordingMetrics': {
    input: z.object({ groupId: GroupId, recording: Hex64 }).strict(),
    output: z.object({ language: SpeechLanguage, metrics: SpeechMetrics }).nullable(),
  },
  /**
   * Lets the member choose a folder. Electron opens the native dialog (input ignored); the web
   * host shows an in-app path dialog and checks the typed `path` names an existing folder.
   */
  'dialog.pickFolder': {
    input: z.object({ path: FolderPath.optional(), title: z.string().max(200).optional() }).strict(),
    output: z.object({ path: z.string() }).nullable(),
  },
} as const;

export const groupEvents = {
  /** A group's state changed (new events from the folder, or this member's own). */
  'group.changed': z.object({ groupId: GroupId }),
  /** A group's sync status changed (folder away or back, outbox flushed, files quarantined). */
  'group.status': GroupStatus,
} as const;
