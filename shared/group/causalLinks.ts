// Which events a new format-2 event links to. Links say what its writer had seen; they must carry
// what authority needs (the writer's own chain, the decision that made them a coach, a decision's
// target) and, over time, every head, so nothing honest stays outside everyone's past.
import { MAX_PREV } from './groupEvent';
import type { GroupEvent } from './groupEvent';

/** Links a writer chooses per event (readers accept up to MAX_PREV): each is 64 hex characters. */
export const LINKS_PER_EVENT = 8;
/** Of them, this many go to the newest heads (what was just written); the rest are spread out. */
const NEWEST_HEADS = 2;

/**
 * Picks at most {@link LINKS_PER_EVENT} links: every `must` event first (deduplicated), then the
 * newest heads, then heads from a place in the list that depends on the writer, so that members who
 * write at the same time link different heads and together link them all (a head linked is a head no
 * more). `heads` are ordered oldest first.
 */
export function chooseLinks(
  heads: readonly GroupEvent[],
  must: readonly (GroupEvent | undefined)[],
  writer: string,
): GroupEvent[] {
  const chosen = new Map<string, GroupEvent>();
  const limit = Math.max(LINKS_PER_EVENT, must.length);
  const take = (e: GroupEvent | undefined) => {
    if (e && chosen.size < Math.min(limit, MAX_PREV)) chosen.set(e.id, e);
  };
  must.forEach(take);
  for (let i = heads.length - 1, n = 0; i >= 0 && n < NEWEST_HEADS; i--, n++) take(heads[i]);
  const start = heads.length > 0 ? parseInt(writer.slice(0, 8), 16) % heads.length : 0;
  for (let n = 0; n < heads.length && chosen.size < limit; n++) take(heads[(start + n) % heads.length]);
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
    return chooseLinks(heads, [this.latestBy.get(author), ...also], author);
  }

  /** How many events nobody has linked yet. */
  headCount(): number {
    return this.heads.size;
  }

  latestOf(author: string): GroupEvent | undefined {
    return this.latestBy.get(author);
  }
}
