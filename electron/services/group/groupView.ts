// What the Group screen shows: the group, this member's standing in it, the roster, and the feed of
// shared speeches and reflections, newest first, each speech saying whether its audio has arrived.
import type { FeedItem, GroupView } from '../../../shared/api/groupContract';
import { profilesOf } from '../../../shared/group/profiles';
import { recordingsOf } from '../../../shared/group/recordings';
import { reflectionsOf } from '../../../shared/group/reflections';
import { groupBlobUrl } from './groupMedia';
import type { GroupService } from './groupService';

/** Enough for the screen; older items stay in the state (and in every member's folder). */
export /** Set-aside entries sent to the screen, newest first: enough for a coach to see what is going on. */
const MAX_SET_ASIDE = 200;
const MAX_FEED_ITEMS = 500;

export async function groupView(service: GroupService, keyId: string): Promise<GroupView> {
  const { state, hash } = service.state();
  const group = state.group;
  const creator = group ? state.members[group.creator] : undefined;
  const profiles = profilesOf(state);
  const arrived = await service.media.arrived();
  const feed: FeedItem[] = [
    ...Object.values(recordingsOf(state)).map((r): FeedItem => ({
      type: 'recording',
      id: r.id,
      author: r.author,
      sharedAt: r.sharedAt,
      title: r.title,
      durationMs: r.durationMs,
      mime: r.mime,
      audioUrl: groupBlobUrl(service.groupId, r.sha256),
      peaksUrl: groupBlobUrl(service.groupId, r.peaksSha256),
      audioArrived: arrived.has(r.sha256),
    })),
    ...Object.values(reflectionsOf(state)).map((r): FeedItem => ({
      type: 'reflection',
      id: r.id,
      author: r.author,
      sharedAt: r.sharedAt,
      title: r.title,
      text: r.text,
    })),
  ]
    .sort((a, b) => (a.sharedAt < b.sharedAt ? 1 : a.sharedAt > b.sharedAt ? -1 : a.id < b.id ? 1 : -1))
    .slice(0, MAX_FEED_ITEMS);
  const me = state.members[keyId];
  return {
    info: {
      groupId: service.groupId,
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
    setAside: service.setAside().reverse().slice(0, MAX_SET_ASIDE),
    stateHash: hash,
  };
}
