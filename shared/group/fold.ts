// The pure fold from a set of verified events to group state. Same events, in any order
// and any number of copies, give the same state and the same state hash on every computer.
import { canonicalHash, canonicalJson } from './canonical';
import { KindRegistry } from './kindRegistry';
import type { GroupEvent } from './groupEvent';
import { foldRoster } from './roster';
import type { GroupInfo, Member } from './roster';
import { profilesSlice } from './profiles';
import { recordingsSlice } from './recordings';

export interface GroupState {
  group: GroupInfo | null;
  members: Record<string, Member>;
  /** One entry per registered slice (profiles, recordings, and what later issues add). */
  slices: Record<string, unknown>;
}

/** The kinds this issue defines; later issues extend it with `baseRegistry.with(...)`. */
export const baseRegistry = new KindRegistry([profilesSlice, recordingsSlice] as never[]);

/** Dedupes by id and sorts by (hlc, id): the one order every computer agrees on. */
export function orderEvents(events: Iterable<GroupEvent>): GroupEvent[] {
  const byId = new Map<string, GroupEvent>();
  for (const e of events) {
    const seen = byId.get(e.id);
    // Verified events have content-derived ids, so a clash means unverified input; pick one deterministically.
    if (!seen || (seen !== e && canonicalJson(e) < canonicalJson(seen))) byId.set(e.id, e);
  }
  return [...byId.values()].sort((a, b) =>
    a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0,
  );
}

/**
 * Folds the events of group `groupId` (its genesis event's id). Events must already be
 * verified (signature, id); everything else is checked here: body schemas, membership at
 * the event's time, and each kind's own authorization. What fails is ignored, not merged.
 */
export function foldGroup(
  groupId: string,
  events: Iterable<GroupEvent>,
  registry: KindRegistry = baseRegistry,
): GroupState {
  const sorted = orderEvents(events);
  const roster = foldRoster(groupId, sorted);
  const slices: Record<string, unknown> = {};
  for (const s of registry.slices) slices[s.slice] = s.initial();
  if (roster.group) {
    for (const event of sorted) {
      const entry = registry.lookup(event.kind);
      if (!entry || !roster.context.countsAt(event.author, event.hlc)) continue;
      const body = entry.handler.body.safeParse(event.body);
      if (!body.success) continue;
      const typed = { ...event, body: body.data };
      const slice = slices[entry.slice];
      if (!entry.handler.authorize(typed, slice, roster.context)) continue;
      entry.handler.apply(typed, slice, roster.context);
    }
  }
  return { group: roster.group, members: roster.members, slices };
}

/** SHA-256 (hex) of the canonical JSON of the state: equal on every computer for the same valid events. */
export function stateHash(state: GroupState): string {
  return canonicalHash(state);
}
