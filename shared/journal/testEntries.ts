// Entries for tests and benchmarks: a fixed-shape factory and a fast-check arbitrary of valid entries.
import fc from 'fast-check';
import { normaliseTags, type JournalEntry } from './journalEntry';

export function testEntry(fields: Partial<JournalEntry> & { id: string }): JournalEntry {
  return {
    title: '',
    body: '',
    date: '2025-03-01',
    mood: null,
    tags: [],
    speechIds: [],
    shared: false,
    createdAt: '2025-03-01T08:00:00.000Z',
    updatedAt: '2025-03-01T08:00:00.000Z',
    deletedAt: null,
    ...fields,
  };
}

const text = fc.string({ unit: 'grapheme', maxLength: 60 });
const iso = fc
  .integer({ min: Date.UTC(2000, 0, 1), max: Date.UTC(2099, 11, 31) })
  .map((ms) => new Date(ms).toISOString());

export const arbitraryEntry: fc.Arbitrary<JournalEntry> = fc.record({
  id: fc.uuid(),
  title: text,
  body: fc.oneof(
    fc.string({ unit: 'grapheme', maxLength: 400 }),
    fc
      .array(fc.constantFrom('---', '', '# 标题', 'text: yes', '\r', '- a', '演讲技巧', '  '), {
        maxLength: 12,
      })
      .map((lines) => lines.join('\n')),
  ),
  date: iso.map((value) => value.slice(0, 10)),
  mood: fc.constantFrom(null, 1, 2, 3, 4, 5) as fc.Arbitrary<JournalEntry['mood']>,
  tags: fc.array(text, { maxLength: 5 }).map(normaliseTags),
  speechIds: fc.uniqueArray(fc.uuid(), { maxLength: 3 }),
  shared: fc.boolean(),
  createdAt: iso,
  updatedAt: iso,
  deletedAt: fc.option(iso, { nil: null }),
});
