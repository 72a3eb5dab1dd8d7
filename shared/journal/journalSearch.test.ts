import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JournalEntry } from './journalEntry';
import { JournalSearch, linearSearch } from './journalSearch';
import { testEntry } from './testEntries';

const corpus = [
  testEntry({ id: 'skills', title: '演讲技巧总结', body: '今天练习了开场白。' }),
  testEntry({ id: 'peer', title: '周会', body: '大家互相点评，收获很多。' }),
  testEntry({ id: 'en', title: 'Tuesday practice', body: 'My opening was strong; the ending rushed.' }),
  testEntry({
    id: 'mixed',
    title: '第三次 speech',
    body: '用了 storytelling 的方法，演讲时间 5 分钟。',
    tags: ['故事'],
  }),
];

function ids(search: JournalSearch, query: string): string[] {
  return search
    .search(query)
    .map((hit) => hit.id)
    .sort();
}

describe('journal search', () => {
  const search = new JournalSearch();
  search.sync(corpus);

  it('finds a Chinese word inside longer words (演讲 in 演讲技巧, 点评 in 互相点评)', () => {
    expect(ids(search, '演讲')).toEqual(['mixed', 'skills']);
    expect(ids(search, '点评')).toEqual(['peer']);
    expect(ids(search, '互相点评')).toEqual(['peer']);
    expect(ids(search, '技巧')).toEqual(['skills']);
  });

  it('finds by a single Chinese character, even at the end of a run', () => {
    expect(ids(search, '巧')).toEqual(['skills']);
  });

  it('finds English words by prefix and case-insensitively', () => {
    expect(ids(search, 'OPEN')).toEqual(['en']);
    expect(ids(search, 'story')).toEqual(['mixed']);
  });

  it('requires every word of a mixed query', () => {
    expect(ids(search, 'speech 演讲')).toEqual(['mixed']);
    expect(ids(search, '演讲 点评')).toEqual([]);
  });

  it('searches tags and ranks title matches first', () => {
    expect(ids(search, '故事')).toEqual(['mixed']);
    const ranked = new JournalSearch();
    ranked.sync([
      testEntry({ id: 'body', title: 'x', body: 'pause pause' }),
      testEntry({ id: 'title', title: 'pause', body: 'x' }),
    ]);
    expect(ranked.search('pause')[0]?.id).toBe('title');
  });

  it('follows changes: edited, removed and added entries', () => {
    const live = new JournalSearch();
    live.sync(corpus);
    live.sync([
      { ...corpus[0]!, body: '新的内容：即兴演讲', updatedAt: '2025-04-01T00:00:00.000Z' },
      corpus[2]!,
      testEntry({ id: 'new', title: '即兴' }),
    ]);
    expect(live.size).toBe(3);
    expect(ids(live, '即兴')).toEqual(['new', 'skills']);
    expect(ids(live, '开场白')).toEqual([]);
    expect(ids(live, '点评')).toEqual([]);
  });

  it('returns nothing for an empty query', () => {
    expect(search.search('   ')).toEqual([]);
  });
});

// Text from a small alphabet, so that queries often hit: Han characters (one outside the BMP), Latin
// letters in both cases and full width, digits, spaces and punctuation. Kana and Thai are left out:
// Intl.Segmenter, not the characters, decides where their words start.
const letters = [...'演讲技巧点评互相𠀀', ...'abcAÉｂ1', ' ', ' ', '，', '.', '-'];
const text = (maxLength: number) =>
  fc.array(fc.constantFrom(...letters), { maxLength }).map((chars) => chars.join(''));
const drafts = fc.uniqueArray(
  fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'), title: text(12), body: text(40) }),
  { selector: (entry) => entry.id, maxLength: 8 },
);
const entriesOf = (drafts: { id: string; title: string; body: string }[]): JournalEntry[] =>
  // A new updatedAt whenever the words change, as the editor sets it: `sync` re-indexes by it.
  drafts.map((draft) =>
    testEntry({
      ...draft,
      tags: draft.title ? [draft.title.slice(0, 3)] : [],
      updatedAt: draft.title + draft.body,
    }),
  );

describe('journal search against a plain scan', () => {
  it('finds exactly the entries a scan finds, after any edits, for any query', () => {
    const cuts = fc.array(fc.tuple(fc.nat(60), fc.integer({ min: 1, max: 6 })), { maxLength: 8 });
    fc.assert(
      fc.property(drafts, drafts, fc.array(text(6), { maxLength: 6 }), cuts, (before, after, typed, at) => {
        const search = new JournalSearch();
        search.sync(entriesOf(before));
        const entries = entriesOf(after);
        search.sync(entries);
        // Queries typed at random, and pieces cut from the entries themselves.
        const pieces = entries.length
          ? at.map(([start, length], i) => {
              const entry = entries[i % entries.length]!;
              return `${entry.title} ${entry.body}`.slice(start, start + length);
            })
          : [];
        for (const query of [...typed, ...pieces]) {
          const indexed = search.search(query).map((hit) => hit.id);
          const scanned = linearSearch(entries, query).map((hit) => hit.id);
          expect({ query, ids: [...indexed].sort() }).toEqual({ query, ids: [...scanned].sort() });
          expect(new Set(indexed).size).toBe(indexed.length);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('finds a word by its start only, in the index as in the scan', () => {
    const entries = [
      testEntry({ id: 'open', body: 'reopened; 开open' }),
      testEntry({ id: 'pen', body: 'pencil' }),
    ];
    const search = new JournalSearch();
    search.sync(entries);
    for (const [query, expected] of [
      ['pen', ['pen']],
      ['open', ['open']],
      ['reo', ['open']],
      ['ope', ['open']],
    ] as const) {
      expect(ids(search, query)).toEqual(expected);
      expect(linearSearch(entries, query).map((hit) => hit.id)).toEqual(expected);
    }
  });
});
