// When another member first saw an event: the earliest event by someone else whose causal past
// holds it. A writer chooses its own clock, but not when others saw its work; a check-in dated
// before its deadline yet first seen long after is "on time, unwitnessed" (docs/rules.md).
import type { FoldSnapshot } from './fold';

interface Sighting {
  hlc: string;
  author: string;
}

/**
 * For a format-2 snapshot: a function from an event id to the hlc of the first counted event by
 * another member that had it in its causal past, or null when no one else has linked it yet (or
 * the group is format 1, whose events carry no links). Computed once for all events, newest first:
 * each event keeps the two earliest sightings by different authors among its descendants, so the
 * earliest by someone other than any one author is always among them.
 */
export function firstWitnessed(snapshot: FoldSnapshot): (eventId: string) => string | null {
  const causal = snapshot.causal;
  if (!causal) return () => null;
  const { graph, context } = causal;
  const members = snapshot.state.members;
  const n = graph.events.length;
  const children: number[][] = Array.from({ length: n }, () => []);
  graph.parents.forEach((ps, child) => ps.forEach((p) => children[p]!.push(child)));
  const best: Array<[Sighting?, Sighting?]> = Array.from({ length: n }, () => [undefined, undefined]);
  const offer = (slot: [Sighting?, Sighting?], s: Sighting) => {
    const [a, b] = slot;
    if (a && a.author === s.author) {
      if (s.hlc < a.hlc) slot[0] = s;
    } else if (b && b.author === s.author) {
      if (s.hlc < b.hlc) slot[1] = s;
    } else if (!b || s.hlc < b.hlc) slot[1] = s;
    if (slot[1] && (!slot[0] || slot[1].hlc < slot[0].hlc)) [slot[0], slot[1]] = [slot[1], slot[0]];
  };
  for (let i = n - 1; i >= 0; i--) {
    for (const c of children[i]!) {
      const child = graph.events[c]!;
      if (members[child.author]?.status === 'member' && context.counts(child))
        offer(best[i]!, { hlc: child.hlc, author: child.author });
      for (const s of best[c]!) if (s) offer(best[i]!, s);
    }
  }
  return (eventId) => {
    const pos = graph.position.get(eventId);
    if (pos === undefined) return null;
    const author = graph.events[pos]!.author;
    const sighting = best[pos]!.find((s) => s && s.author !== author);
    return sighting?.hlc ?? null;
  };
}
