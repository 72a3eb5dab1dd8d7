// What the Group screen shows: the group, this member's standing in it, the roster, and the feed of
// shared speeches and reflections, newest first, each speech saying whether its audio has arrived.
// Pure: the caller reads the folder (which blobs arrived) and names the URLs blobs are served at.
import type { FeedItem, GroupView } from '../api/groupContract';
import { recordingCheckIns } from '../rules/recordingCheckIns';
import type { SetAsideEvent } from './causalRoster';
import type { GroupState } from './groupState';
import { profilesOf } from './profiles';
import { recordingsOf } from './recordings';
import { reflectionsOf } from './reflections';

/** Set-aside entries sent to the screen, newest first: enough for a coach to see what is going on. */
export const MAX_SET_ASIDE = 200;
/** Enough for the screen; older items stay in the state (and in every member's folder). */
const MAX_FEED_ITEMS = 500;

export interface GroupViewInput {
  groupId: string;
  state: GroupState;
  /** This member's key. */
  keyId: string;
  /** Blobs (by SHA-256) that have arrived in this computer's copy of the folder. */
  arrived: ReadonlySet<string>;
  /** This member's items (by id) written on this computer and not yet in the folder. */
  waiting: ReadonlySet<string>;
  /** What the fold set aside, in fold order (see setAsideOf). */
  setAside: readonly SetAsideEvent[];
  /** Where a blob of this group is served. */
  blobUrl: (sha256: string) => string;
}

export function buildGroupView(input: GroupViewInput): GroupView {
  const { groupId, state, keyId, arrived, waiting, blobUrl } = input;
  const group = state.group;
  const creator = group ? state.members[group.creator] : undefined;
  const profiles = profilesOf(state);
  const checkIns = recordingCheckIns(state);
  const feed: FeedItem[] = [
    ...Object.values(recordingsOf(state)).map((r): FeedItem => {
      const checkIn = checkIns.get(r.id);
      return {
        type: 'recording',
        id: r.id,
        author: r.author,
        sharedAt: r.sharedAt,
        title: r.title,
        durationMs: r.durationMs,
        mime: r.mime,
        byteSize: r.byteSize,
        audioUrl: blobUrl(r.sha256),
        peaksUrl: blobUrl(r.peaksSha256),
        audioArrived: arrived.has(r.sha256),
        ...(waiting.has(r.id) ? { waiting: true as const } : {}),
        ...(checkIn
          ? {
              checkIn: {
                title: checkIn.title,
                occurrence: checkIn.occurrence,
                ...(checkIn.reflection ? { reflection: checkIn.reflection } : {}),
              },
            }
          : {}),
      };
    }),
    ...Object.values(reflectionsOf(state)).map((r): FeedItem => ({
      type: 'reflection',
      id: r.id,
      author: r.author,
      sharedAt: r.sharedAt,
      title: r.title,
      text: r.text,
      ...(waiting.has(r.id) ? { waiting: true as const } : {}),
    })),
  ]
    .sort((a, b) => (a.sharedAt < b.sharedAt ? 1 : a.sharedAt > b.sharedAt ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, MAX_FEED_ITEMS);
  const me = state.members[keyId];
  return {
    info: {
      groupId,
      name: group?.name ?? '',
      charter: group?.charter ?? '',
      timeZone: group?.timeZone ?? '',
      coachName: creator?.displayName ?? '',
    },
    me: { keyId, status: me?.status ?? 'unknown', role: me?.role ?? 'member' },
    members: Object.values(state.members)
      .map((m) => ({
        keyId: m.keyId,
        displayName: profiles[m.keyId]?.displayName ?? m.displayName,
        role: m.role,
        status: m.status,
        ...(m.requestedAt ? { requestedAt: m.requestedAt } : {}),
        ...(m.approvedAt ? { approvedAt: m.approvedAt } : {}),
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName) || (a.keyId < b.keyId ? -1 : 1)),
    feed,
    setAside: [...input.setAside].reverse().slice(0, MAX_SET_ASIDE),
  };
}
