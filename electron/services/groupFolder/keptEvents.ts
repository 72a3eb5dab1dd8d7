// The verified events a reader holds, and which file gave which: so what a file gave can be
// forgotten when the file is refused later (a quota, a key no longer kept), unless another file
// (a conflict copy, a compaction) gives it too.
import { ROSTER_DECISION } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';

export class KeptEvents {
  readonly events = new Map<string, GroupEvent>();
  private readonly byAuthor = new Map<string, Set<string>>();
  private readonly byFile = new Map<string, readonly string[]>();
  /** How many files give each event; an event no file gives (its file is gone) is still held. */
  private readonly refs = new Map<string, number>();
  /** Kept roster decisions, and the key each names. */
  private readonly decisions = new Map<string, string>();

  get size(): number {
    return this.events.size;
  }

  /** Holds `e`; false when it was held already. */
  add(e: GroupEvent): boolean {
    if (this.events.has(e.id)) return false;
    this.internLinks(e);
    this.events.set(e.id, e);
    const mine = this.byAuthor.get(e.author);
    if (mine) mine.add(e.id);
    else this.byAuthor.set(e.author, new Set([e.id]));
    const member = e.kind === ROSTER_DECISION ? (e.body as { member?: unknown } | null)?.member : undefined;
    if (typeof member === 'string') this.decisions.set(e.id, member);
    return true;
  }

  /**
   * Makes each link of a freshly read event and the id of the event it names one string: the same
   * characters, one copy. Links are most of what a format-2 event adds to memory (8 ids of 64
   * characters each), so this keeps a year of a big group within its memory budget. A link read
   * before the event it names (files arrive in any order) is remembered as the string the others
   * share, and that event takes it as its id when it comes.
   */
  private internLinks(e: GroupEvent): void {
    const linked = this.linkedBefore.get(e.id);
    if (linked !== undefined) {
      this.linkedBefore.delete(linked);
      (e as { id: string }).id = linked;
    }
    if (!e.prev) return;
    const links = e.prev as string[];
    for (let i = 0; i < links.length; i++) {
      const link = links[i]!;
      const held = this.events.get(link);
      if (held) {
        links[i] = held.id;
        continue;
      }
      const shared = this.linkedBefore.get(link);
      if (shared !== undefined) links[i] = shared;
      else this.linkedBefore.set(link, link);
    }
  }

  /** Per id not held yet that some held event links to, the one string those links share. */
  private readonly linkedBefore = new Map<string, string>();

  /** Stops holding the event (the file that gave it no longer counts). */
  forget(id: string): GroupEvent | undefined {
    const e = this.events.get(id);
    if (!e) return undefined;
    this.events.delete(id);
    const mine = this.byAuthor.get(e.author);
    mine?.delete(id);
    if (mine?.size === 0) this.byAuthor.delete(e.author);
    this.decisions.delete(id);
    return e;
  }

  /** The events `file` gives (held ones only). */
  given(file: string): readonly string[] {
    return this.byFile.get(file) ?? [];
  }

  /** Every file that gives events, with their ids. */
  files(): ReadonlyMap<string, readonly string[]> {
    return this.byFile;
  }

  /**
   * Records that `file` gives exactly `ids` (held events) from now on. Returns the ids it gave
   * before that no file gives any more: still held, for the caller to forget or keep.
   */
  give(file: string, ids: readonly string[]): string[] {
    const before = this.byFile.get(file) ?? [];
    const now = [...new Set(ids)];
    for (const id of now) this.refs.set(id, (this.refs.get(id) ?? 0) + 1);
    const loose: string[] = [];
    for (const id of before) {
      const left = (this.refs.get(id) ?? 1) - 1;
      if (left > 0) this.refs.set(id, left);
      else {
        this.refs.delete(id);
        loose.push(id);
      }
    }
    if (now.length > 0) this.byFile.set(file, now);
    else this.byFile.delete(file);
    return loose;
  }

  /** Authors of held events. */
  authors(): IterableIterator<string> {
    return this.byAuthor.keys();
  }

  /** Held events of `author` that no file gives (their files are gone). */
  loose(author: string): string[] {
    return [...(this.byAuthor.get(author) ?? [])].filter((id) => !this.refs.has(id));
  }

  /** Keys named by a held roster decision. */
  named(): Set<string> {
    return new Set(this.decisions.values());
  }
}
