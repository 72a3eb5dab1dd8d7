import { describe, expect, it } from 'vitest';
import { JournalSearch } from './journalSearch';
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
