// How a sync tool may hand a reader the events, for property tests of the fold: in any order, some
// twice, and in batches (each sync folds what arrived since the last one).
import { foldMore, foldSnapshot } from './fold';
import type { FoldSnapshot } from './fold';
import type { GroupEvent } from './groupEvent';
import type { KindRegistry } from './kindRegistry';

/** `events` plus the `written` events picked by `duplicates` (indices, wrapped), ordered by `keys`. */
export function shuffledDelivery(
  events: readonly GroupEvent[],
  written: readonly GroupEvent[],
  duplicates: readonly number[],
  keys: Iterable<number>,
): GroupEvent[] {
  const key = keys[Symbol.iterator]();
  const twice = written.length > 0 ? duplicates.map((i) => written[i % written.length]!) : [];
  return [...events, ...twice]
    .map((e) => ({ e, k: key.next().value as number }))
    .sort((x, y) => x.k - y.k)
    .map((x) => x.e);
}

/** Folds `events` in batches cut at `cuts` (positions, wrapped), the way successive syncs do. */
export function foldInBatches(
  groupId: string,
  events: readonly GroupEvent[],
  cuts: readonly number[],
  registry: KindRegistry,
): FoldSnapshot {
  const bounds = [...new Set([0, ...cuts.map((c) => c % events.length), events.length])].sort(
    (x, y) => x - y,
  );
  let snap = foldSnapshot(groupId, events.slice(0, bounds[1]), registry);
  for (let i = 1; i < bounds.length - 1; i++) snap = foldMore(snap, events.slice(bounds[i], bounds[i + 1]));
  return snap;
}
