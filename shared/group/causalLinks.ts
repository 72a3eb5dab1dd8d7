// Which events a new format-2 event links to. Links say what its writer had seen; they must carry
// what authority needs (the writer's own chain, the decision that made them a coach, a decision's
// target) and, over time, every head, so nothing honest stays outside everyone's past.
import { MAX_PREV } from './groupEvent';
import type { GroupEvent } from './groupEvent';

/** Of the links, this many go to the newest heads; the rest to the oldest, so old heads get linked too. */
const NEWEST_HEADS = 8;

/**
 * Picks at most {@link MAX_PREV} links: every `must` event first (deduplicated), then the newest
 * heads, then the oldest. `heads` are ordered oldest first. Each event linked removes a head, so
 * however many members write at once, the heads shrink by dozens with every event.
 */
export function chooseLinks(
  heads: readonly GroupEvent[],
  must: readonly (GroupEvent | undefined)[],
): GroupEvent[] {
  const chosen = new Map<string, GroupEvent>();
  for (const e of must) if (e && chosen.size < MAX_PREV) chosen.set(e.id, e);
  const take = (e: GroupEvent | undefined) => {
    if (e && chosen.size < MAX_PREV) chosen.set(e.id, e);
  };
  for (let i = heads.length - 1, n = 0; i >= 0 && n < NEWEST_HEADS; i--, n++) take(heads[i]);
  for (let i = 0; i < heads.length && chosen.size < MAX_PREV; i++) take(heads[i]);
  return [...chosen.values()];
}

/**
 * Heads kept as events are written, for a writer that does not fold (the demo): the same links the
 * app would choose if it had seen exactly these events.
 */
export class HeadTracker {
  private readonly heads = new Map<string, GroupEvent>();
  private readonly latestBy = new Map<string, GroupEvent>();
  /** The heads as of the last {@link sync}: what writers see between syncs (null: everything, at once). */
  private visible: Map<string, GroupEvent> | null = null;

  /** From now on writers see the heads as they are now, until the next sync (their own events aside). */
  sync(): void {
    this.visible = new Map(this.heads);
  }

  /** Records an event someone wrote (its links stop being heads). */
  add(event: GroupEvent): void {
    for (const id of event.prev ?? []) this.heads.delete(id);
    this.heads.set(event.id, event);
    this.latestBy.set(event.author, event);
  }

  /** Links for a new event by `author` that also names `also` (e.g. a decision's target's latest event). */
  linksFor(author: string, also: readonly (GroupEvent | undefined)[] = []): GroupEvent[] {
    const heads = [...(this.visible ?? this.heads).values()].sort((a, b) =>
      a.hlc < b.hlc ? -1 : a.hlc > b.hlc ? 1 : 0,
    );
    return chooseLinks(heads, [this.latestBy.get(author), ...also]);
  }

  latestOf(author: string): GroupEvent | undefined {
    return this.latestBy.get(author);
  }
}
