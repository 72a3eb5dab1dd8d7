// Who belongs to the group, and since when: the first pass of the fold. Genesis, join
// requests and coaches' roster decisions are replayed in (hlc, id) order, so a coach's
// authority is judged at the moment the decision was written. The result also answers,
// for every other event, whether its author counted at the time it was written.
import { canonicalHash } from './canonical';
import {
  GENESIS,
  JOIN_REQUEST,
  ROSTER_DECISION,
  genesisBody,
  joinRequestBody,
  rosterDecisionBody,
} from './groupEvent';
import type { GroupEvent } from './groupEvent';
import type { FoldContext } from './kindRegistry';

export type MemberStatus = 'applicant' | 'member' | 'declined' | 'removed';
export type MemberRole = 'member' | 'coach';

export interface Member {
  keyId: string;
  displayName: string;
  role: MemberRole;
  status: MemberStatus;
  /** hlc of the latest join request (absent for the creator). */
  requestedAt?: string;
  /** hlc of the latest approval (the genesis for the creator). */
  approvedAt?: string;
  /** hlc of the latest removal, while removed. */
  removedAt?: string;
}

export interface GroupInfo {
  id: string;
  name: string;
  charter: string;
  /** SHA-256 (hex) of the charter's canonical JSON string: what applicants agree to. */
  charterHash: string;
  timeZone: string;
  creator: string;
  createdAt: string;
}

export interface Roster {
  group: GroupInfo | null;
  members: Record<string, Member>;
  context: FoldContext;
}

/** What applicants sign in their join request. */
export function charterHash(charter: string): string {
  return canonicalHash(charter);
}

interface Timeline {
  everApproved: boolean;
  /** [from, to) ranges during which the key was removed; `to` null while still removed. */
  removed: Array<[string, string | null]>;
  /** [from, to) ranges during which the key was a coach. */
  coach: Array<[string, string | null]>;
}

const within = (hlc: string, [from, to]: [string, string | null]) => hlc >= from && (to === null || hlc < to);

/**
 * Replays roster events (already deduped and sorted by (hlc, id)). Events that are not
 * roster kinds are skipped here; invalid or unauthorized roster events are ignored.
 */
export function foldRoster(groupId: string, sorted: readonly GroupEvent[]): Roster {
  const members: Record<string, Member> = {};
  const timelines = new Map<string, Timeline>();
  const timeline = (key: string) => {
    let t = timelines.get(key);
    if (!t) timelines.set(key, (t = { everApproved: false, removed: [], coach: [] }));
    return t;
  };
  const context: FoldContext = {
    groupId,
    countsAt: (key, hlc) => {
      const t = timelines.get(key);
      return (
        !!t && t.everApproved && !!group && hlc > group.createdAt && !t.removed.some((r) => within(hlc, r))
      );
    },
    isCoachAt: (key, hlc) => !!timelines.get(key)?.coach.some((r) => within(hlc, r)),
  };

  const genesis = sorted.find((e) => e.id === groupId && e.kind === GENESIS);
  const g = genesis && genesisBody.safeParse(genesis.body);
  // The genesis must be self-signed by the creator it names (the segment signature proves authorship).
  if (!genesis || !g?.success || g.data.creatorKey !== genesis.author)
    return { group: null, members, context };
  const group: GroupInfo = {
    id: groupId,
    name: g.data.name,
    charter: g.data.charter,
    charterHash: charterHash(g.data.charter),
    timeZone: g.data.timeZone,
    creator: genesis.author,
    createdAt: genesis.hlc,
  };
  members[genesis.author] = {
    keyId: genesis.author,
    displayName: g.data.coachName,
    role: 'coach',
    status: 'member',
    approvedAt: genesis.hlc,
  };
  timeline(genesis.author).everApproved = true;
  timeline(genesis.author).coach.push([genesis.hlc, null]);

  const isActiveCoach = (m: Member | undefined) => m?.status === 'member' && m.role === 'coach';
  const closeOpen = (ranges: Array<[string, string | null]>, at: string) => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === null) last[1] = at;
  };

  for (const e of sorted) {
    if (e.hlc <= group.createdAt) continue; // nothing dated before the group exists counts
    if (e.kind === JOIN_REQUEST) {
      const body = joinRequestBody.safeParse(e.body);
      if (!body.success || body.data.charterHash !== group.charterHash) continue;
      const existing = members[e.author];
      if (existing && (existing.status === 'member' || existing.status === 'applicant')) continue;
      members[e.author] = {
        ...(existing ?? { keyId: e.author, role: 'member' }),
        displayName: body.data.displayName,
        status: 'applicant',
        requestedAt: e.hlc,
      };
    } else if (e.kind === ROSTER_DECISION) {
      const body = rosterDecisionBody.safeParse(e.body);
      if (!body.success || !isActiveCoach(members[e.author])) continue;
      const target = members[body.data.member];
      if (!target) continue;
      const t = timeline(target.keyId);
      switch (body.data.decision) {
        case 'approve':
          if (target.status !== 'applicant') break;
          target.status = 'member';
          target.approvedAt = e.hlc;
          delete target.removedAt;
          t.everApproved = true;
          closeOpen(t.removed, e.hlc);
          break;
        case 'decline':
          if (target.status === 'applicant') target.status = 'declined';
          break;
        case 'promote':
          if (target.status !== 'member' || target.role === 'coach') break;
          target.role = 'coach';
          t.coach.push([e.hlc, null]);
          break;
        case 'remove': {
          if (target.status !== 'member') break;
          const coaches = Object.values(members).filter(isActiveCoach).length;
          if (target.role === 'coach' && coaches <= 1) break; // keep the group governable
          target.status = 'removed';
          target.role = 'member';
          target.removedAt = e.hlc;
          t.removed.push([e.hlc, null]);
          closeOpen(t.coach, e.hlc);
          break;
        }
      }
    }
  }
  return { group, members, context };
}
