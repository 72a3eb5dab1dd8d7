import { describe, expect, it } from 'vitest';
import { filterEntries, noFilter, tagCounts } from './entryFilter';
import { testEntry } from './testEntries';

const entries = [
  testEntry({ id: 'a', date: '2025-01-01', tags: ['开场', 'Pace'], mood: 4 }),
  testEntry({ id: 'b', date: '2025-02-01', tags: ['pace'], mood: 2 }),
  testEntry({ id: 'c', date: '2025-03-01', tags: [] }),
];

describe('entry filter', () => {
  it('lists newest first without a filter', () => {
    expect(filterEntries(entries, noFilter).map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });

  it('filters by tag (case-insensitively), mood and date range', () => {
    expect(filterEntries(entries, { ...noFilter, tag: 'PACE' }).map((e) => e.id)).toEqual(['b', 'a']);
    expect(filterEntries(entries, { ...noFilter, mood: 4 }).map((e) => e.id)).toEqual(['a']);
    expect(
      filterEntries(entries, { ...noFilter, from: '2025-01-15', to: '2025-02-01' }).map((e) => e.id),
    ).toEqual(['b']);
  });

  it('counts tags, most used first', () => {
    expect(tagCounts(entries)).toEqual([
      { tag: 'Pace', count: 2 },
      { tag: '开场', count: 1 },
    ]);
  });
});
