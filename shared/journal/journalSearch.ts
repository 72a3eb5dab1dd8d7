// Full-text search over journal entries with MiniSearch and the Chinese-aware tokens: titles weigh
// more than bodies, every query word must match, the last-typed word matches as a prefix.
import MiniSearch from 'minisearch';
import type { JournalEntry } from './journalEntry';
import { tokenizeForIndex, tokenizeQuery } from './searchTokens';

type Indexed = Pick<JournalEntry, 'id' | 'title' | 'body' | 'tags'>;

export interface SearchHit {
  id: string;
  score: number;
  /** The indexed terms that matched, for highlighting. */
  terms: string[];
}

export class JournalSearch {
  private readonly index = new MiniSearch<Indexed>({
    fields: ['title', 'body', 'tags'],
    extractField: (doc, field) =>
      field === 'tags' ? doc.tags.join(' ') : String(doc[field as keyof Indexed] ?? ''),
    tokenize: tokenizeForIndex,
    processTerm: (term) => term,
    searchOptions: {
      tokenize: tokenizeQuery,
      processTerm: (term) => term,
      combineWith: 'AND',
      prefix: true,
      boost: { title: 3, tags: 2 },
    },
  });
  private readonly versions = new Map<string, string>();

  get size(): number {
    return this.versions.size;
  }

  /** Brings the index in line with these entries, touching only what changed. */
  sync(entries: readonly JournalEntry[]): void {
    const seen = new Set<string>();
    const added: Indexed[] = [];
    for (const entry of entries) {
      seen.add(entry.id);
      const version = this.versions.get(entry.id);
      if (version === entry.updatedAt) continue;
      if (version !== undefined) this.index.discard(entry.id);
      this.versions.set(entry.id, entry.updatedAt);
      added.push({ id: entry.id, title: entry.title, body: entry.body, tags: entry.tags });
    }
    this.index.addAll(added);
    for (const id of [...this.versions.keys()]) {
      if (seen.has(id)) continue;
      this.index.discard(id);
      this.versions.delete(id);
    }
  }

  search(query: string): SearchHit[] {
    if (tokenizeQuery(query).length === 0) return [];
    return this.index
      .search(query)
      .map((hit) => ({ id: String(hit.id), score: hit.score, terms: hit.terms }));
  }
}
