// Format 2's roster: who belongs and who may decide, judged against what each writer had seen
// (its causal past), never against the time it claims. Rules, in docs/sync-format.md "Authority":
// - a roster decision counts only if its author was a coach in the decision's causal past and is
//   still an active coach when its turn comes; turns follow causal order, and between decisions
//   that did not see each other the higher rank goes first (the creator, then the earlier promoted);
// - an entry of a removed member counts only if the removal had seen it (or a later re-approval is
//   in the entry's past); the rest is set aside, listed for the coach with the reason.
import { CausalGraph } from './causalGraph';
import { JOIN_REQUEST, ROSTER_DECISION, rosterDecisionBody } from './groupEvent';
import type { GroupEvent, RosterDecisionKind } from './groupEvent';
import type { RosterContext } from './kindRegistry';
import { applyDecision, applyJoinRequest, isActiveCoach, startRoster } from './roster';
import type { GroupInfo, Member, Roster } from './roster';

/** Join requests waiting for a coach at once; more wait in line until some are decided. */
export const MAX_PENDING_APPLICANTS = 50;

export type SetAsideReason =
  /** Dated no later than something it had seen: a clock pushed back. */
  | 'dated-before-its-past'
  /** Written by a member whose removal had not seen it. */
  | 'not-seen-by-removal'
  /** A roster decision whose author was not (or no longer) a coach. */
  | 'not-a-coach'
  /** A format-1 event (no causal links) in a format-2 group. */
  | 'format-1-event'
  /** A join request still in line behind {@link MAX_PENDING_APPLICANTS} others. */
  | 'too-many-applicants';

export interface SetAsideEvent {
  id: string;
  author: string;
  kind: string;
  hlc: string;
  reason: SetAsideReason;
}

export interface CausalRoster extends Roster {
  readonly graph: CausalGraph;
  /** Roster decisions the replay refused, with why (see setAsideEntries for every entry). */
  readonly setAside: SetAsideEvent[];
  /**
   * Whether an event counts, and if not why: a reason to show, or `never` (not a roster key's, or
   * its author never approved) — the one judgement `counts`, `isCoach` and the set-aside list share.
   */
  verdictOf(event: GroupEvent): SetAsideReason | 'counts' | 'never';
}

const isRosterKind = (e: GroupEvent) => e.kind === ROSTER_DECISION || e.kind === JOIN_REQUEST;

/** Whether a group is format 2: its genesis carries causal links (an empty list). */
export function isCausalGroup(groupId: string, sorted: readonly GroupEvent[]): boolean {
  return sorted.find((e) => e.id === groupId)?.prev !== undefined;
}

interface Applied {
  decision: RosterDecisionKind;
  /** Position of the decision in the graph. */
  pos: number;
  /** Its turn in the roster replay. */
  turn: number;
}

interface Replay {
  members: Record<string, Member>;
  applied: Map<string, Applied[]>;
  setAside: SetAsideEvent[];
}

export function foldCausalRoster(groupId: string, sorted: readonly GroupEvent[]): CausalRoster {
  const graph = new CausalGraph(isRosterKind);
  graph.addAll(sorted);
  const start = startRoster(groupId, sorted);
  if (!start) {
    const never = () => false;
    return {
      group: null,
      members: {},
      context: { groupId, counts: never, isCoach: never },
      graph,
      setAside: [],
      verdictOf: () => 'never',
    };
  }
  const { group } = start;
  const candidates: number[] = [];
  for (const e of sorted) {
    if (!isRosterKind(e) || e.hlc <= group.createdAt || e.prev === undefined) continue;
    const pos = graph.position.get(e.id)!;
    if (!graph.refused.has(pos)) candidates.push(pos);
  }
  // Rank needs promotions, which need the replay: a first pass ranks the creator first and the rest
  // equally; its promotions rank the second, final pass (a writer cannot choose its promotion's time).
  const creatorFirst = (author: string) => (author === group.creator ? '0' : '1');
  const first = replay(group, start.members, graph, turnOrder(graph, candidates, creatorFirst));
  const promotedAt = new Map<string, string>();
  for (const [key, list] of first.applied) {
    const promotion = list.find((a) => a.decision === 'promote');
    if (promotion) promotedAt.set(key, graph.events[promotion.pos]!.hlc);
  }
  const rank = (author: string) => (author === group.creator ? '0' : `1${promotedAt.get(author) ?? '~'}`);
  const { members, applied, setAside } = replay(
    group,
    start.members,
    graph,
    turnOrder(graph, candidates, rank),
  );

  const coachInPast = (author: string, pos: number) => coachRoleInPast(group, applied, graph, author, pos);
  const removalPast = new Map<number, Set<number>>();
  // Judged once per event, kept as a small code by position (a year of a big group is many events).
  const codes: Array<SetAsideReason | 'counts' | 'never'> = [
    'counts',
    'never',
    'dated-before-its-past',
    'not-seen-by-removal',
    'not-a-coach',
    'format-1-event',
    'too-many-applicants',
  ];
  let verdicts = new Uint8Array(graph.events.length);
  const verdict = (e: GroupEvent): SetAsideReason | 'counts' | 'never' => {
    const pos = graph.position.get(e.id);
    if (pos === undefined) return 'never';
    if (pos >= verdicts.length) {
      const grown = new Uint8Array(Math.max(pos + 1, verdicts.length * 2));
      grown.set(verdicts);
      verdicts = grown;
    }
    if (verdicts[pos] === 0) verdicts[pos] = codes.indexOf(judge(e, pos)) + 1;
    return codes[verdicts[pos]! - 1]!;
  };
  const judge = (e: GroupEvent, pos: number): SetAsideReason | 'counts' | 'never' => {
    const history = applied.get(e.author) ?? [];
    const everApproved = e.author === group.creator || history.some((a) => a.decision === 'approve');
    if (!members[e.author]) return 'never';
    if (e.prev === undefined) return 'format-1-event';
    const refused = graph.refused.get(pos);
    if (refused) return refused;
    if (!everApproved || e.hlc <= group.createdAt) return 'never';
    for (const removal of history) {
      if (removal.decision !== 'remove') continue;
      let past = removalPast.get(removal.pos);
      if (!past) removalPast.set(removal.pos, (past = graph.ancestors(removal.pos)));
      if (past.has(pos)) continue; // the removal had seen it
      const readmitted = history.some(
        (a) => a.decision === 'approve' && a.turn > removal.turn && graph.hasInPast(pos, a.pos),
      );
      if (!readmitted) return 'not-seen-by-removal';
    }
    return 'counts';
  };
  const context: RosterContext = {
    groupId,
    counts: (e) => verdict(e) === 'counts',
    isCoach: (e) => verdict(e) === 'counts' && coachInPast(e.author, graph.position.get(e.id)!),
  };
  const roster: CausalRoster = { group, members, context, graph, setAside, verdictOf: verdict };
  return roster;
}

/**
 * Lists the entries of roster members that the fold did not apply, with why (roster decisions are
 * listed by the replay itself). Called once the fold is done, for the coach's view and `verify`.
 */
export function setAsideEntries(roster: CausalRoster, sorted: readonly GroupEvent[]): SetAsideEvent[] {
  const out = [...roster.setAside];
  for (const e of sorted) {
    if (isRosterKind(e) && e.prev !== undefined) continue; // the replay listed those it refused
    const reason = roster.verdictOf(e);
    if (reason !== 'counts' && reason !== 'never')
      out.push({ id: e.id, author: e.author, kind: e.kind, hlc: e.hlc, reason });
  }
  return out.sort((a, b) => (a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : 1));
}

/**
 * The roster events in their turns: each after every roster event in its causal past. Of those
 * ready at once, the one whose own key — or the key of any roster event that saw it — is lowest
 * goes first, a key being (rank of author, hlc, id). So between decisions that did not see each
 * other the higher rank's goes first together with everything it had seen, and a writer cannot jump
 * the queue by backdating: an earlier-dated decision of the same author would be in its past.
 */
function turnOrder(
  graph: CausalGraph,
  candidates: readonly number[],
  rank: (author: string) => string,
): number[] {
  const ownKey = (pos: number) => {
    const e = graph.events[pos]!;
    return `${rank(e.author)}\u0000${e.hlc}\u0000${e.id}`;
  };
  const waiting = new Map<number, number>(); // candidate -> roster events in its past not yet taken
  const dependents = new Map<number, number[]>();
  const key = new Map(candidates.map((c) => [c, ownKey(c)]));
  // Candidates are in (hlc, id) order, which is causal: descendants come later, so walking backwards
  // each candidate's dependents already carry their inherited keys.
  for (let i = candidates.length - 1; i >= 0; i--) {
    const c = candidates[i]!;
    let count = 0;
    for (const d of candidates) {
      if (d === c) continue;
      if (graph.hasInPast(c, d)) count++;
      else if (graph.hasInPast(d, c)) {
        const list = dependents.get(c);
        if (list) list.push(d);
        else dependents.set(c, [d]);
        if (key.get(d)! < key.get(c)!) key.set(c, key.get(d)!);
      }
    }
    waiting.set(c, count);
  }
  const ready = candidates.filter((c) => waiting.get(c) === 0);
  const order: number[] = [];
  while (ready.length > 0) {
    let best = 0;
    for (let i = 1; i < ready.length; i++) {
      const a = key.get(ready[i]!)!;
      const b = key.get(ready[best]!)!;
      if (a < b || (a === b && ownKey(ready[i]!) < ownKey(ready[best]!))) best = i;
    }
    const [next] = ready.splice(best, 1);
    order.push(next!);
    for (const d of dependents.get(next!) ?? []) {
      const left = waiting.get(d)! - 1;
      waiting.set(d, left);
      if (left === 0) ready.push(d);
    }
  }
  return order;
}

function replay(
  group: GroupInfo,
  initial: Record<string, Member>,
  graph: CausalGraph,
  order: readonly number[],
): Replay {
  const members: Record<string, Member> = Object.fromEntries(
    Object.entries(initial).map(([key, m]) => [key, { ...m }]),
  );
  const applied = new Map<string, Applied[]>();
  const setAside: SetAsideEvent[] = [];
  const aside = (e: GroupEvent, reason: SetAsideReason) =>
    setAside.push({ id: e.id, author: e.author, kind: e.kind, hlc: e.hlc, reason });
  // Join requests past the limit wait in line (in turn order): one joins the applicants when a
  // decision makes room, or at once when a coach's decision about its author had seen it.
  let pending = 0;
  const waiting = new Map<string, GroupEvent>();
  const join = (e: GroupEvent) => {
    const wasPending = members[e.author]?.status === 'applicant';
    if (applyJoinRequest(members, group, e) && !wasPending) pending++;
  };
  const makeRoom = () => {
    for (const [author, e] of waiting) {
      if (pending >= MAX_PENDING_APPLICANTS) break;
      waiting.delete(author);
      join(e);
    }
  };
  order.forEach((pos, turn) => {
    const e = graph.events[pos]!;
    if (e.kind === JOIN_REQUEST) {
      const wasPending = members[e.author]?.status === 'applicant';
      if (!wasPending && pending >= MAX_PENDING_APPLICANTS) {
        if (!waiting.has(e.author)) waiting.set(e.author, e);
      } else join(e);
      return;
    }
    const body = rosterDecisionBody.safeParse(e.body);
    if (!body.success) return;
    if (!isActiveCoach(members[e.author]) || !coachRoleInPast(group, applied, graph, e.author, pos)) {
      if (members[e.author]) aside(e, 'not-a-coach');
      return;
    }
    const inLine = waiting.get(body.data.member);
    if (inLine && graph.hasInPast(pos, graph.position.get(inLine.id)!)) {
      waiting.delete(body.data.member);
      join(inLine);
    }
    const before = members[body.data.member]?.status;
    const decision = applyDecision(members, body.data, e.hlc);
    if (!decision) return;
    if (before === 'applicant') {
      pending--;
      makeRoom();
    }
    const list = applied.get(body.data.member);
    const record = { decision, pos, turn };
    if (list) list.push(record);
    else applied.set(body.data.member, [record]);
  });
  for (const e of waiting.values()) aside(e, 'too-many-applicants');
  return { members, applied, setAside };
}

/** Whether `author` was a coach in the causal past of the event at `pos`: the last decision about them it had seen. */
function coachRoleInPast(
  group: GroupInfo,
  applied: ReadonlyMap<string, readonly Applied[]>,
  graph: CausalGraph,
  author: string,
  pos: number,
): boolean {
  let coach = author === group.creator;
  for (const a of applied.get(author) ?? []) {
    if (graph.hasInPast(pos, a.pos)) coach = a.decision === 'promote';
  }
  return coach;
}
