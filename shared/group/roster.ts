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
import type { GroupEvent, RosterDecisionBody, RosterDecisionKind } from './groupEvent';
import type { RosterContext } from './kindRegistry';

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
  context: RosterContext;
}

/**
 * What applicants sign in their join request. The last answer is kept: every fold of the roster
 * asks it of the same charter (a first sync folds a join request on its own for each segment that
 * holds one), and the hash is pure JS (shared/).
 */
export function charterHash(charter: string): string {
  if (lastCharter?.charter !== charter) lastCharter = { charter, hash: canonicalHash(charter) };
  return lastCharter.hash;
}
let lastCharter: { charter: string; hash: string } | undefined;

interface Timeline {
  everApproved: boolean;
  /** [from, to) ranges during which the key was removed; `to` null while still removed. */
  removed: Array<[string, string | null]>;
  /** [from, to) ranges during which the key was a coach. */
  coach: Array<[string, string | null]>;
}

const within = (hlc: string, [from, to]: [string, string | null]) => hlc >= from && (to === null || hlc < to);

/**
 * Format 1's roster: replays roster events (already deduped and sorted by (hlc, id)). Events that
 * are not roster kinds are skipped here; invalid or unauthorized roster events are ignored.
 */
export function foldRoster(groupId: string, sorted: readonly GroupEvent[]): Roster {
  const members: Record<string, Member> = {};
  const timelines = new Map<string, Timeline>();
  const timeline = (key: string) => {
    let t = timelines.get(key);
    if (!t) timelines.set(key, (t = { everApproved: false, removed: [], coach: [] }));
    return t;
  };
  // Format 1 judges an event by the time its writer claims: membership and the coach role at its hlc.
  const context: RosterContext = {
    groupId,
    counts: ({ author, hlc }) => {
      const t = timelines.get(author);
      return (
        !!t && t.everApproved && !!group && hlc > group.createdAt && !t.removed.some((r) => within(hlc, r))
      );
    },
    isCoach: ({ author, hlc }) => !!timelines.get(author)?.coach.some((r) => within(hlc, r)),
  };

  const start = startRoster(groupId, sorted);
  if (!start) return { group: null, members, context };
  const { group } = start;
  Object.assign(members, start.members);
  timeline(group.creator).everApproved = true;
  timeline(group.creator).coach.push([group.createdAt, null]);

  const closeOpen = (ranges: Array<[string, string | null]>, at: string) => {
    const last = ranges[ranges.length - 1];
    if (last && last[1] === null) last[1] = at;
  };

  for (const e of sorted) {
    if (e.hlc <= group.createdAt) continue; // nothing dated before the group exists counts
    if (e.kind === JOIN_REQUEST) applyJoinRequest(members, group, e);
    else if (e.kind === ROSTER_DECISION) {
      const body = rosterDecisionBody.safeParse(e.body);
      if (!body.success || !isActiveCoach(members[e.author])) continue;
      const applied = applyDecision(members, body.data, e.hlc);
      if (!applied) continue;
      const t = timeline(body.data.member);
      if (applied === 'approve') {
        t.everApproved = true;
        closeOpen(t.removed, e.hlc);
      } else if (applied === 'promote') t.coach.push([e.hlc, null]);
      else if (applied === 'remove') {
        t.removed.push([e.hlc, null]);
        closeOpen(t.coach, e.hlc);
      }
    }
  }
  return { group, members, context };
}

/** The group and its creator, from a genesis self-signed by the creator it names; null otherwise. */
export function startRoster(
  groupId: string,
  sorted: readonly GroupEvent[],
): { group: GroupInfo; members: Record<string, Member>; genesis: GroupEvent } | null {
  const genesis = sorted.find((e) => e.id === groupId && e.kind === GENESIS);
  const g = genesis && genesisBody.safeParse(genesis.body);
  // The genesis must be self-signed by the creator it names (the segment signature proves authorship).
  if (!genesis || !g?.success || g.data.creatorKey !== genesis.author) return null;
  const group: GroupInfo = {
    id: groupId,
    name: g.data.name,
    charter: g.data.charter,
    charterHash: charterHash(g.data.charter),
    timeZone: g.data.timeZone,
    creator: genesis.author,
    createdAt: genesis.hlc,
  };
  const creator: Member = {
    keyId: genesis.author,
    displayName: g.data.coachName,
    role: 'coach',
    status: 'member',
    approvedAt: genesis.hlc,
  };
  return { group, members: { [genesis.author]: creator }, genesis };
}

export const isActiveCoach = (m: Member | undefined) => m?.status === 'member' && m.role === 'coach';

/** A join request with the group's charter makes its author an applicant (unless already one or a member). */
export function applyJoinRequest(members: Record<string, Member>, group: GroupInfo, e: GroupEvent): boolean {
  const body = joinRequestBody.safeParse(e.body);
  if (!body.success || body.data.charterHash !== group.charterHash) return false;
  const existing = members[e.author];
  if (existing && (existing.status === 'member' || existing.status === 'applicant')) return false;
  members[e.author] = {
    ...(existing ?? { keyId: e.author, role: 'member' }),
    displayName: body.data.displayName,
    status: 'applicant',
    requestedAt: e.hlc,
  };
  return true;
}

/**
 * Applies a roster decision whose author has the right to make it; returns the decision when it
 * changed the roster, null when it did not apply (wrong status, or the last coach).
 */
export function applyDecision(
  members: Record<string, Member>,
  body: RosterDecisionBody,
  at: string,
): RosterDecisionKind | null {
  const target = members[body.member];
  if (!target) return null;
  switch (body.decision) {
    case 'approve':
      if (target.status !== 'applicant') return null;
      target.status = 'member';
      target.approvedAt = at;
      delete target.removedAt;
      return 'approve';
    case 'decline':
      if (target.status !== 'applicant') return null;
      target.status = 'declined';
      return 'decline';
    case 'promote':
      if (target.status !== 'member' || target.role === 'coach') return null;
      target.role = 'coach';
      return 'promote';
    case 'remove': {
      if (target.status !== 'member') return null;
      const coaches = Object.values(members).filter(isActiveCoach).length;
      if (target.role === 'coach' && coaches <= 1) return null; // keep the group governable
      target.status = 'removed';
      target.role = 'member';
      target.removedAt = at;
      return 'remove';
    }
  }
}
