// The pure fold from a set of verified events to group state. Same events, in any order
// and any number of copies, give the same state and the same state hash on every computer.
import { Immer } from 'immer';
import { canonicalHash, canonicalJson } from './canonical';
import type { FoldContext, KindRegistry, RosterContext } from './kindRegistry';
import { GENESIS, JOIN_REQUEST, ROSTER_DECISION } from './groupEvent';
import type { GroupEvent } from './groupEvent';
import { chooseLinks } from './causalLinks';
import { foldCausalRoster, isCausalGroup, setAsideEntries } from './causalRoster';
import type { CausalRoster, SetAsideEvent } from './causalRoster';
import type { GroupState } from './groupState';
import { foldRoster } from './roster';
import type { Roster } from './roster';

/** Dedupes by id and sorts by (hlc, id): the one order every computer agrees on. */
export function orderEvents(events: Iterable<GroupEvent>): GroupEvent[] {
  const byId = new Map<string, GroupEvent>();
  for (const e of events) {
    const seen = byId.get(e.id);
    // Verified events have content-derived ids, so a clash means unverified input; pick one deterministically.
    if (!seen || (seen !== e && canonicalJson(e) < canonicalJson(seen))) byId.set(e.id, e);
  }
  return [...byId.values()].sort(compareEvents);
}

/** The fold's order: by hlc, then id. */
function compareEvents(a: GroupEvent, b: GroupEvent): number {
  return a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/**
 * Folds the events of group `groupId` (its genesis event's id). Events must already be
 * verified (signature, id); everything else is checked here: body schemas, membership at
 * the event's time, and each kind's own authorization. What fails is ignored, not merged.
 * `registry` names the kinds folded (the app's is appRegistry); a kind it lacks is ignored.
 */
export function foldGroup(groupId: string, events: Iterable<GroupEvent>, registry: KindRegistry): GroupState {
  return foldSnapshot(groupId, events, registry).state;
}

/** A fold's result plus what {@link foldMore} needs to extend it. */
export interface FoldSnapshot {
  readonly groupId: string;
  readonly state: GroupState;
  /** Deduped, in (hlc, id) order. */
  readonly sorted: readonly GroupEvent[];
  readonly ids: ReadonlySet<string>;
  readonly roster: Roster;
  readonly registry: KindRegistry;
  /** Format 2 only: the causal graph and roster replay (null in a format-1 group). */
  readonly causal: CausalRoster | null;
}

export function foldSnapshot(
  groupId: string,
  events: Iterable<GroupEvent>,
  registry: KindRegistry,
): FoldSnapshot {
  const sorted = orderEvents(events);
  // A group is format 2 from its genesis on; format-1 groups keep format 1's rules (docs/sync-format.md).
  const causal = isCausalGroup(groupId, sorted) ? foldCausalRoster(groupId, sorted) : null;
  const roster = causal ?? foldRoster(groupId, sorted);
  const slices: Record<string, unknown> = {};
  for (const s of registry.slices) slices[s.slice] = s.initial();
  const ctx = foldContext(roster.context, slices);
  if (roster.group) for (const event of sorted) applyEvent(event, slices, ctx, registry);
  const state = { group: roster.group, members: roster.members, slices };
  return { groupId, state, sorted, ids: new Set(sorted.map((e) => e.id)), roster, registry, causal };
}

/** What the fold did not apply of roster members' entries, and why (format 2; empty in format 1). */
export function setAsideOf(snapshot: FoldSnapshot): SetAsideEvent[] {
  return snapshot.causal ? setAsideEntries(snapshot.causal, snapshot.sorted) : [];
}

/**
 * The events a new event by `author` should link to (format 2, see chooseLinks): its own latest
 * event (each writer's events form a chain), the latest roster decision about it (the authority it
 * acts on), and the heads of what is known. Only members' events are linked, never removed keys'
 * nor strangers'. Empty in a format-1 group.
 */
export function headsOf(snapshot: FoldSnapshot, author: string): GroupEvent[] {
  if (!snapshot.causal) return [];
  const members = snapshot.state.members;
  // Only members' events: linking moves this device's clock past them, and only members' clocks
  // count. An applicant's request is linked by the decision about it (see the callers).
  const linkable = (e: GroupEvent) => members[e.author]?.status === 'member';
  const heads = snapshot.causal.graph.heads(linkable, Infinity);
  const own = snapshot.sorted.findLast((e) => e.author === author && e.prev !== undefined);
  const aboutMe = snapshot.sorted.findLast(
    (e) =>
      e.kind === ROSTER_DECISION &&
      (e.body as { member?: unknown }).member === author &&
      e.prev !== undefined,
  );
  return chooseLinks(heads, [own, aboutMe], author);
}

const ROSTER_KINDS = new Set([GENESIS, JOIN_REQUEST, ROSTER_DECISION]);

/** The kinds the roster is made of: the genesis, join requests and coaches' decisions. */
export function isRosterEvent(e: GroupEvent): boolean {
  return ROSTER_KINDS.has(e.kind);
}

/**
 * The snapshot with `more` events folded in: the same state {@link foldSnapshot} would give
 * for all events together. Cheap in the common case (new events sort after everything and
 * change no membership): only they are applied, to a copy of the slices they touch. Otherwise it
 * folds from scratch, because a late approval can make earlier entries count. Either way the snapshot
 * passed in is consumed: use the one returned (the state it held is never changed).
 */
export function foldMore(snapshot: FoldSnapshot, more: Iterable<GroupEvent>): FoldSnapshot {
  const unseen = [...more].filter((e) => !snapshot.ids.has(e.id));
  if (unseen.length === 0) return snapshot;
  const last = snapshot.sorted[snapshot.sorted.length - 1];
  // The earliest new event decides; the new ones are put in order only when they extend the fold (a
  // fold from scratch orders everything itself: a first sync's 50,000 events were sorted twice).
  const head = unseen.reduce((earliest, e) => (compareEvents(e, earliest) < 0 ? e : earliest));
  const after = !last || compareEvents(head, last) > 0;
  const graph = snapshot.causal?.graph;
  if (!snapshot.roster.group || !after || unseen.some((e) => isRosterEvent(e) || graph?.missing.has(e.id)))
    return foldSnapshot(snapshot.groupId, [...snapshot.sorted, ...unseen], snapshot.registry);
  const fresh = orderEvents(unseen);
  // Format 2: the new events join the graph in place (they sort after all it holds, and none of them
  // is a link something was waiting for), so the snapshot extended here replaces the one passed in.
  graph?.addAll(fresh);
  // Copy on write: an event's change makes new objects only along the path it changes (Immer), so
  // one new speech does not copy a year of speeches; the rest is shared with the previous state,
  // which nothing mutates.
  const slices = { ...snapshot.state.slices };
  const ctx = foldContext(snapshot.roster.context, slices);
  for (const event of fresh) applyEvent(event, slices, ctx, snapshot.registry, copyOnWrite);
  // Like the graph, the event list and the id set grow in place (copying them cost more than the
  // event at 50,000 events): the snapshot passed in is consumed, though its state stays as it was.
  const sorted = snapshot.sorted as GroupEvent[];
  const ids = snapshot.ids as Set<string>;
  for (const e of fresh) {
    sorted.push(e);
    ids.add(e.id);
  }
  return { ...snapshot, state: { group: snapshot.state.group, members: snapshot.state.members, slices } };
}

/** How an authorized event changes its slice: in place (a fold building its own state), or by copy. */
type Change = (slice: unknown, change: (slice: unknown) => void) => unknown;

const inPlace: Change = (slice, change) => {
  change(slice);
  return slice;
};
// Not frozen: folds from scratch build new slices, and nothing mutates a state once made.
const immer = new Immer({ autoFreeze: false });
const copyOnWrite: Change = (slice, change) =>
  immer.produce(slice, (draft: unknown) => {
    change(draft);
  });

/** The roster's context plus the slices as they stand while the fold goes (each event sees those before it). */
function foldContext(roster: RosterContext, slices: Readonly<Record<string, unknown>>): FoldContext {
  return {
    groupId: roster.groupId,
    counts: roster.counts,
    isCoach: roster.isCoach,
    slice: (name) => slices[name],
  };
}

function applyEvent(
  event: GroupEvent,
  slices: Record<string, unknown>,
  ctx: FoldContext,
  registry: KindRegistry,
  write: Change = inPlace,
): void {
  const entry = registry.lookup(event.kind);
  if (!entry || !ctx.counts(event)) return;
  const body = entry.handler.body.safeParse(event.body);
  if (!body.success) return;
  const typed = { ...event, body: body.data };
  const slice = slices[entry.slice];
  if (!entry.handler.authorize(typed, slice, ctx)) return;
  slices[entry.slice] = write(slice, (target) => entry.handler.apply(typed, target, ctx));
}

/** SHA-256 (hex) of the canonical JSON of the state: equal on every computer for the same valid events. */
export function stateHash(state: GroupState): string {
  return canonicalHash(state);
}
