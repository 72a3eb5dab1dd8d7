import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  filterEntries,
  matchesFilter,
  noFilter,
  tagCounts,
  visibleEntries,
  type EntryFilter,
} from './entryFilter';
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

describe('visible entries', () => {
  it('without a search, are the filtered entries newest first', () => {
    expect(visibleEntries(entries, null, noFilter)).toEqual(filterEntries(entries, noFilter));
  });

  it('with a search, are the hits that pass the filter, best first, each once', () => {
    const ids = ['a', 'b', 'c', 'd', 'e', 'f'];
    const filters: fc.Arbitrary<EntryFilter> = fc.record({
      tag: fc.constantFrom(null, 'pace', '开场'),
      mood: fc.constantFrom(null, 2, 4) as fc.Arbitrary<EntryFilter['mood']>,
      from: fc.constantFrom(null, '2025-02-01'),
      to: fc.constantFrom(null, '2025-02-15'),
    });
    const listed = fc.uniqueArray(
      fc.record({
        id: fc.constantFrom(...ids),
        date: fc.constantFrom('2025-01-01', '2025-02-01', '2025-03-01'),
        tags: fc.subarray(['Pace', '开场']),
        mood: fc.constantFrom(null, 2, 4) as fc.Arbitrary<EntryFilter['mood']>,
      }),
      { selector: (entry) => entry.id },
    );
    // Hits may name entries the list no longer has (deleted while the answer travelled).
    fc.assert(
      fc.property(listed, fc.uniqueArray(fc.constantFrom(...ids)), filters, (fields, hits, filter) => {
        const all = fields.map((each) => testEntry(each));
        const shown = visibleEntries(all, hits, filter).map((entry) => entry.id);
        const passing = new Set(all.filter((entry) => matchesFilter(entry, filter)).map((entry) => entry.id));
        expect(shown).toEqual(hits.filter((id) => passing.has(id)));
      }),
    );
  });
});
