// Which verified events a reader keeps, in memory and in its cache: only what the fold can use, so
// a key nobody admitted cannot make every member's computer hold what it writes (design rule 10).
//
// - Keys the roster knows, except applicants never approved: everything (a member's entries count,
//   and one written before approval counts once approved; a declined or removed key may be again).
// - Applicants never approved, and keys the roster does not know: one join request each, the
//   earliest (by hlc, id) that makes its author an applicant, for the MAX_PENDING_APPLICANTS keys
//   whose request is earliest; nothing else. Their other entries count for nothing until a coach
//   approves them, and are read again then (GroupSync marks what it left out).
// - Keys named by a roster decision that is kept (a coach decided about them) but never approved:
//   all their join requests, so a declined applicant can ask again.
// - The genesis, always.
import { foldSnapshot } from '../../../shared/group/fold';
import { MAX_PENDING_APPLICANTS } from '../../../shared/group/causalRoster';
import { JOIN_REQUEST } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { KindRegistry } from '../../../shared/group/kindRegistry';
import type { Member } from '../../../shared/group/roster';

/** How much of a key's events a reader keeps: all, its join requests, its chosen join request, none. */
export type Keep = 'all' | 'joins' | 'first' | 'none';

/** The fold sets aside join requests beyond this many waiting (format 2), so no more are kept either. */
export { MAX_PENDING_APPLICANTS };

/** `<hlc> <id>`: compares as (hlc, id), the order events are folded in. */
export function joinMark(e: Pick<GroupEvent, 'hlc' | 'id'>): string {
  return `${e.hlc} ${e.id}`;
}

/** Join requests of one segment tried as its first join; an honest segment holds one. */
const MAX_JOINS_TRIED = 8;

/** Only the roster is asked about, which the fold builds whatever the registry: no slices. */
const ROSTER_ONLY = new KindRegistry([]);

/**
 * The earliest join request in `events` (among their first few by (hlc, id)) that on its own makes
 * its author an applicant of the group `genesis` founded, as `<hlc> <id>`. Asks the fold, so the
 * rules of a valid request (charter, dates, format) live in one place.
 */
export function firstJoin(
  events: readonly GroupEvent[],
  genesis: GroupEvent | undefined,
): string | undefined {
  if (!genesis) return undefined;
  const joins = events
    .filter((e) => e.kind === JOIN_REQUEST)
    .map((e) => [joinMark(e), e] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, MAX_JOINS_TRIED);
  for (const [mark, e] of joins) {
    const { members } = foldSnapshot(genesis.id, [genesis, e], ROSTER_ONLY).state;
    if (members[e.author]?.status === 'applicant') return mark;
  }
  return undefined;
}

/**
 * Whom the roster that `events` fold to on their own keeps whole: what a reader part-way through a
 * folder can already tell before the full fold decides (EventKeeper passes the roster's own events).
 */
export function keptWhole(genesisId: string, events: Iterable<GroupEvent>): (author: string) => boolean {
  const { members } = foldSnapshot(genesisId, events, ROSTER_ONLY).state;
  const retention = new Retention({ members, named: new Set(), firstJoins: new Map() });
  return (author) => retention.keep(author) === 'all';
}

export interface RetentionInput {
  /** The folded roster. */
  members: Readonly<Record<string, Pick<Member, 'status' | 'approvedAt'>>>;
  /** Keys named by a kept roster decision. */
  named: ReadonlySet<string>;
  /** Per key, its earliest first join (see {@link firstJoin}) over the segments the quotas accept. */
  firstJoins: ReadonlyMap<string, string>;
}

export class Retention {
  /** Keys whose first join is kept, with it. */
  private readonly chosen = new Map<string, string>();

  constructor(
    private readonly input: RetentionInput,
    limit = MAX_PENDING_APPLICANTS,
  ) {
    const waiting = [...input.firstJoins].filter(([key]) => this.decided(key) === null);
    waiting.sort(([, a], [, b]) => (a < b ? -1 : a > b ? 1 : 0));
    for (const [key, mark] of waiting.slice(0, limit)) this.chosen.set(key, mark);
  }

  keep(author: string): Keep {
    return this.decided(author) ?? (this.chosen.has(author) ? 'first' : 'none');
  }

  /** Whether `e` is kept, its author being kept as `keep`. */
  admits(e: GroupEvent, keep: Keep = this.keep(e.author)): boolean {
    if (keep === 'all') return true;
    if (keep === 'joins') return e.kind === JOIN_REQUEST;
    return keep === 'first' && this.chosen.get(e.author) === joinMark(e);
  }

  /** The join request kept of a `first` key. */
  chosenJoin(author: string): string | undefined {
    return this.chosen.get(author);
  }

  private decided(author: string): Keep | null {
    const m = this.input.members[author];
    if (m && (m.status !== 'applicant' || m.approvedAt !== undefined)) return 'all';
    return this.input.named.has(author) ? 'joins' : null;
  }
}
