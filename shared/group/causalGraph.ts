// The causal graph of a format-2 group: each event links (`prev`) to the events its writer had
// seen last, so an event's causal past is everything reachable through those links. Authority is
// judged against that past, never against the time a writer claims (docs/sync-format.md).
import type { GroupEvent } from './groupEvent';

/** Why an event is left out of the graph's usable part. */
export type GraphRefusal = 'dated-before-its-past';

/**
 * Built by adding events in (hlc, id) order. An honest writer dates every event after everything
 * it links to (its clock moved past what it read), so that order is already causal; an event dated
 * no later than something in its past is refused, and so cut out: nothing reaches its past through it.
 */
export class CausalGraph {
  /** Events in the order added: (hlc, id), which is causal for every event not refused. */
  readonly events: GroupEvent[] = [];
  readonly position = new Map<string, number>();
  /** Positions of each event's known, usable parents. */
  readonly parents: number[][] = [];
  /** Ids some event links to that are not known (yet): their arrival may change the past of others. */
  readonly missing = new Set<string>();
  readonly refused = new Map<number, GraphRefusal>();
  /** The latest hlc in each event's causal past (null: nothing), for the "dated after its past" rule. */
  private readonly maxPast: (string | null)[] = [];
  /** Per event, the set of tracked events (roster kinds) in its causal past, as a bitset. */
  private readonly trackedPast: (Uint32Array | null)[] = [];
  private readonly trackedIndex = new Map<number, number>();

  /** `isTracked` picks the events whose presence in a past must be answerable in O(1) (roster decisions). */
  constructor(private readonly isTracked: (event: GroupEvent) => boolean) {}

  /**
   * Adds events in (hlc, id) order, each sorting after every event added before. A link to an event
   * of the same batch that comes later is a link to something dated no earlier: refused.
   */
  addAll(events: readonly GroupEvent[]): void {
    this.later = new Set(events.map((e) => e.id));
    for (const e of events) {
      this.later.delete(e.id);
      this.add(e);
    }
  }

  private later = new Set<string>();

  private add(event: GroupEvent): void {
    const at = this.events.length;
    this.events.push(event);
    this.position.set(event.id, at);
    this.missing.delete(event.id);
    const parents: number[] = [];
    let maxPast: string | null = null;
    let tracked: Uint32Array | null = null;
    let shared = true; // `tracked` is still a parent's set, not a copy of our own
    let datedBeforePast = false;
    for (const id of event.prev ?? []) {
      const p = this.position.get(id);
      if (p === undefined) {
        if (this.later.has(id)) datedBeforePast = true;
        else this.missing.add(id);
        continue;
      }
      if (p === at) continue;
      if (this.refused.has(p)) continue; // cut out: its past is not reachable through it
      parents.push(p);
      const parent = this.events[p]!;
      const pastOfParent = this.maxPast[p] ?? null;
      const latest = pastOfParent !== null && pastOfParent > parent.hlc ? pastOfParent : parent.hlc;
      if (maxPast === null || latest > maxPast) maxPast = latest;
      const bit = this.trackedIndex.get(p);
      const from = this.trackedPast[p] ?? null;
      if (bit === undefined && (from === null || from === tracked)) continue;
      if (tracked === null && bit === undefined) {
        tracked = from; // share the parent's set until something is added to it
        continue;
      }
      if (shared) {
        tracked = copyBits(tracked, Math.max(from?.length ?? 0, bit === undefined ? 0 : (bit >> 5) + 1));
        shared = false;
      }
      tracked = orInto(tracked!, from);
      if (bit !== undefined) tracked = setBit(tracked, bit);
    }
    if (maxPast !== null && maxPast >= event.hlc) datedBeforePast = true;
    this.parents.push(parents);
    this.maxPast.push(maxPast);
    this.trackedPast.push(shared ? tracked : this.sameSet(tracked!));
    if (datedBeforePast) this.refused.set(at, 'dated-before-its-past');
    else if (this.isTracked(event)) this.trackedIndex.set(at, this.trackedIndex.size);
  }

  /**
   * One copy per distinct set: most events' pasts hold the same roster decisions (all of them so far),
   * so sharing them keeps the graph's memory near that of the events themselves.
   */
  private sameSet(bits: Uint32Array): Uint32Array {
    const key = bits.join(',');
    const known = this.distinctSets.get(key);
    if (known) return known;
    this.distinctSets.set(key, bits);
    return bits;
  }

  private readonly distinctSets = new Map<string, Uint32Array>();

  /** Whether the tracked event at `tracked` is in the causal past of the event at `of`. */
  hasInPast(of: number, tracked: number): boolean {
    const bit = this.trackedIndex.get(tracked);
    const set = this.trackedPast[of];
    if (bit === undefined || !set) return false;
    const word = bit >> 5;
    return word < set.length && (set[word]! & (1 << (bit & 31))) !== 0;
  }

  /** Every event in the causal past of the event at `of` (not itself), by position. */
  ancestors(of: number): Set<number> {
    const seen = new Set<number>();
    const stack = [...(this.parents[of] ?? [])];
    while (stack.length > 0) {
      const p = stack.pop()!;
      if (seen.has(p)) continue;
      seen.add(p);
      for (const q of this.parents[p]!) if (!seen.has(q)) stack.push(q);
    }
    return seen;
  }

  /**
   * Events with no known child, latest last: what a writer links its next event to. `usable`
   * filters what may be linked (e.g. only roster members' events); at most `max` are returned.
   */
  heads(usable: (event: GroupEvent) => boolean, max: number): GroupEvent[] {
    const hasChild = new Uint8Array(this.events.length);
    for (const ps of this.parents) for (const p of ps) hasChild[p] = 1;
    const heads: GroupEvent[] = [];
    for (let i = this.events.length - 1; i >= 0 && heads.length < max; i--) {
      if (!hasChild[i] && !this.refused.has(i) && usable(this.events[i]!)) heads.push(this.events[i]!);
    }
    return heads.reverse();
  }
}

function copyBits(bits: Uint32Array | null, minWords: number): Uint32Array {
  const out = new Uint32Array(Math.max(bits?.length ?? 0, minWords));
  if (bits) out.set(bits);
  return out;
}

function orInto(target: Uint32Array, from: Uint32Array | null): Uint32Array {
  if (!from) return target;
  const out = from.length > target.length ? copyBits(target, from.length) : target;
  for (let i = 0; i < from.length; i++) out[i]! |= from[i]!;
  return out;
}

function setBit(target: Uint32Array, bit: number): Uint32Array {
  const out = bit >> 5 < target.length ? target : copyBits(target, (bit >> 5) + 1);
  out[bit >> 5]! |= 1 << (bit & 31);
  return out;
}
