// Full-text search over journal entries with MiniSearch and the Chinese-aware tokens: titles weigh
// more than bodies, every query word must match, words (not Han) match as prefixes. Each field is
// indexed twice, as bigrams and words, and as its Han characters: a one-character query looks in the
// second, everything else in the first (searchTokens.ts says why). The renderer builds the index in
// a Web Worker (journalSearchProtocol.ts); `linearSearch` answers with the same matching rule until
// that index is ready.
import MiniSearch, { type Query } from 'minisearch';
import type { JournalEntry } from './journalEntry';
import { hanCharsForIndex, isHan, isHanChar, tokenizeForIndex, tokenizeQuery } from './searchTokens';

/** What the index needs of an entry: plain data, so it can be posted to a worker. */
export type SearchDocument = Pick<JournalEntry, 'id' | 'title' | 'body' | 'tags'>;

export interface SearchHit {
  id: string;
  score: number;
}

export function searchDocument(entry: SearchDocument): SearchDocument {
  return { id: entry.id, title: entry.title, body: entry.body, tags: [...entry.tags] };
}

const textFields = ['title', 'body', 'tags'] as const;
type TextField = (typeof textFields)[number];
/** The same fields' Han characters, each once (`hanCharsForIndex`). */
const charFields = textFields.map((field) => `${field}Chars`);
const boost = { title: 3, tags: 2, titleChars: 3, tagsChars: 2 };

function fieldText(doc: SearchDocument, field: TextField): string {
  return field === 'tags' ? doc.tags.join(' ') : doc[field];
}

/** One query token's search: a lone Han character among the characters, the rest among the words. */
function tokenQuery(token: string): Query {
  return { queries: [token], fields: isHanChar(token) ? charFields : [...textFields] };
}

export class JournalSearch {
  private readonly index: MiniSearch<SearchDocument>;
  private readonly versions = new Map<string, string>();

  constructor() {
    this.index = new MiniSearch<SearchDocument>({
      fields: [...textFields, ...charFields],
      extractField: (doc, field) => fieldText(doc, field.replace(/Chars$/, '') as TextField),
      tokenize: (text, field) => (field?.endsWith('Chars') ? hanCharsForIndex(text) : tokenizeForIndex(text)),
      processTerm: (term) => term,
      searchOptions: {
        // Each token of a query comes tokenized already (`tokenQuery`).
        tokenize: (token) => [token],
        processTerm: (term) => term,
        combineWith: 'AND',
        // A Han token is a whole character or bigram: as a prefix it would only cost a walk.
        prefix: (term) => !isHan(term),
        boost,
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
    const tokens = tokenizeQuery(query);
    if (tokens.length === 0) return [];
    return this.index
      .search({ combineWith: 'AND', queries: tokens.map(tokenQuery) })
      .map((hit) => ({ id: String(hit.id), score: hit.score }));
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
 * tags (Han characters and bigrams anywhere, other words at the start of a word). Ranked title, then
 * tags, then body. (In scripts that Intl.Segmenter cuts into words, kana or Thai, a word found by the
 * index inside a longer run of letters is missed here until the index is ready.)
 */
export function linearSearch(entries: readonly SearchDocument[], query: string): SearchHit[] {
  const tokens = tokenizeQuery(query);
  if (tokens.length === 0) return [];
  const found = tokens.map((token) => (isHan(token) ? containsText : containsWordStart));
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    const title = fold(entry.title);
    const body = fold(entry.body);
    const tags = fold(entry.tags.join(' '));
    let score = 0;
    let all = true;
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i]!;
      const contains = found[i]!;
      const inTitle = contains(title, token);
      const inTags = contains(tags, token);
      if (!inTitle && !inTags && !contains(body, token)) {
        all = false;
        break;
      }
      score += (inTitle ? 3 : 0) + (inTags ? 2 : 0) + 1;
    }
    if (all) hits.push({ id: entry.id, score });
  }
  return hits.sort((a, b) => b.score - a.score);
}

function fold(text: string): string {
  return text.normalize('NFKC').toLowerCase();
}

function containsText(text: string, token: string): boolean {
  return text.includes(token);
}

const wordChar = /[\p{L}\p{N}]/u;

/** `token` where a word starts: after the text's start, a character that is no letter or digit, or Han. */
function containsWordStart(text: string, token: string): boolean {
  for (let at = text.indexOf(token); at >= 0; at = text.indexOf(token, at + 1)) {
    if (at === 0) return true;
    const before = charBefore(text, at);
    if (!wordChar.test(before) || isHan(before)) return true;
  }
  return false;
}

/** The character (a whole code point, even outside the BMP) that ends just before `at`. */
function charBefore(text: string, at: number): string {
  const unit = text.charCodeAt(at - 1);
  const start = unit >= 0xdc00 && unit <= 0xdfff && at >= 2 ? at - 2 : at - 1;
  return String.fromCodePoint(text.codePointAt(start)!);
}
