// Full-text search over journal entries with MiniSearch and the Chinese-aware tokens: titles weigh
// more than bodies, every query word must match, the last-typed word matches as a prefix. The
// renderer builds the index in a Web Worker (journalSearchProtocol.ts); `linearSearch` answers with
// the same matching rule until that index is ready.
import MiniSearch from 'minisearch';
import type { JournalEntry } from './journalEntry';
import { tokenizeForIndex, tokenizeQuery } from './searchTokens';

/** What the index needs of an entry: plain data, so it can be posted to a worker. */
export type SearchDocument = Pick<JournalEntry, 'id' | 'title' | 'body' | 'tags'>;

export interface SearchHit {
  id: string;
  score: number;
  /** The indexed terms that matched, for highlighting. */
  terms: string[];
}

export function searchDocument(entry: SearchDocument): SearchDocument {
  return { id: entry.id, title: entry.title, body: entry.body, tags: [...entry.tags] };
}

export class JournalSearch {
  private readonly index: MiniSearch<SearchDocument>;
  private readonly versions = new Map<string, string>();

  constructor() {
    this.index = new MiniSearch<SearchDocument>({
      fields: ['title', 'body', 'tags'],
      extractField: (doc, field) =>
        field === 'tags' ? doc.tags.join(' ') : String(doc[field as keyof SearchDocument] ?? ''),
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
  }

  /** How many entries are indexed. */
  get size(): number {
    return this.index.documentCount;
  }

  /** Brings the index in line with these entries, touching only what changed. */
  sync(entries: readonly JournalEntry[]): void {
    const change = syncChange(this.versions, entries);
    this.apply(change.upserts, change.removals);
  }

  /** Adds or replaces these documents and drops these ids (the worker's side of `sync`). */
  apply(upserts: readonly SearchDocument[], removals: readonly string[]): void {
    for (const id of removals) {
      if (this.index.has(id)) this.index.discard(id);
    }
    for (const doc of upserts) {
      if (this.index.has(doc.id)) this.index.discard(doc.id);
    }
    this.index.addAll(upserts);
  }

  search(query: string): SearchHit[] {
    if (tokenizeQuery(query).length === 0) return [];
    return this.index
      .search(query)
      .map((hit) => ({ id: String(hit.id), score: hit.score, terms: hit.terms }));
  }
}

export interface SyncChange {
  upserts: SearchDocument[];
  removals: string[];
}

/**
 * What changed since `versions` (id → updatedAt) was last brought up to date, which it is afterwards:
 * entries that are new or have another updatedAt, and ids no longer present.
 */
export function syncChange(versions: Map<string, string>, entries: readonly JournalEntry[]): SyncChange {
  const seen = new Set<string>();
  const upserts: SearchDocument[] = [];
  for (const entry of entries) {
    seen.add(entry.id);
    if (versions.get(entry.id) === entry.updatedAt) continue;
    versions.set(entry.id, entry.updatedAt);
    upserts.push(searchDocument(entry));
  }
  const removals: string[] = [];
  for (const id of versions.keys()) {
    if (!seen.has(id)) removals.push(id);
  }
  for (const id of removals) versions.delete(id);
  return { upserts, removals };
}

/**
 * The index's matching rule without an index: every query token must occur in the title, body or
 * tags (Han bigrams as substrings, other words anywhere in a word). Ranked title, then tags, then body.
 */
export function linearSearch(entries: readonly SearchDocument[], query: string): SearchHit[] {
  const tokens = tokenizeQuery(query);
  if (tokens.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    const title = fold(entry.title);
    const body = fold(entry.body);
    const tags = fold(entry.tags.join(' '));
    let score = 0;
    let all = true;
    for (const token of tokens) {
      const inTitle = title.includes(token);
      const inTags = tags.includes(token);
      if (!inTitle && !inTags && !body.includes(token)) {
        all = false;
        break;
      }
      score += (inTitle ? 3 : 0) + (inTags ? 2 : 0) + 1;
    }
    if (all) hits.push({ id: entry.id, score, terms: tokens });
  }
  return hits.sort((a, b) => b.score - a.score);
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}
