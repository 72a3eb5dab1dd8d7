import fc from 'fast-check';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { entryToMarkdown } from './frontMatter';
import { entryFileName, exportEntriesToZip, importJournalFiles } from './journalArchive';
import { arbitraryEntry, testEntry } from './testEntries';

let counter = 0;
const context = { newId: () => `gen-${++counter}`, now: '2025-05-05T00:00:00.000Z', today: '2025-05-05' };

describe('journal archive', () => {
  it('names files by date, title and id, safe on every OS', () => {
    expect(
      entryFileName(testEntry({ id: 'abcdef12-3456', title: '我的/第一次: 演讲?', date: '2025-01-02' })),
    ).toBe('2025-01-02-我的-第一次-演讲-abcdef12.md');
    expect(entryFileName(testEntry({ id: 'x', title: '' }))).toBe('2025-03-01-x.md');
  });

  it('property: zip export then import gives the same entries', () => {
    fc.assert(
      fc.property(fc.uniqueArray(arbitraryEntry, { selector: (e) => e.id, maxLength: 8 }), (entries) => {
        const report = importJournalFiles(
          [{ name: 'export.zip', bytes: exportEntriesToZip(entries) }],
          context,
        );
        expect(report.failures).toEqual([]);
        const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
        expect(report.entries.sort(byId)).toEqual([...entries].sort(byId));
      }),
      { numRuns: 60 },
    );
  });

  it('imports loose Markdown files and reports bad ones without failing the rest', () => {
    const good = testEntry({ id: 'good', title: '好' });
    const report = importJournalFiles(
      [
        { name: 'good.md', bytes: strToU8(entryToMarkdown(good)) },
        { name: 'bad.md', bytes: strToU8('---\nmood: 42\n---\n') },
        { name: 'photo.jpg', bytes: new Uint8Array([1, 2]) },
        { name: 'broken.zip', bytes: new Uint8Array([1, 2, 3]) },
      ],
      context,
    );
    expect(report.entries).toEqual([good]);
    expect(report.failures.map((f) => `${f.name}:${f.messageKey}`)).toEqual([
      'bad.md:journal.errors.badEntry',
      'photo.jpg:journal.errors.notMarkdown',
      'broken.zip:journal.errors.badZip',
    ]);
  });

  it('skips non-Markdown and hidden files inside a zip', () => {
    const zip = zipSync({
      'a.md': strToU8('hello'),
      '__MACOSX/._a.md': strToU8('junk'),
      'img.png': new Uint8Array([0]),
    });
    const report = importJournalFiles([{ name: 'x.zip', bytes: zip }], context);
    expect(report.entries.map((e) => e.body)).toEqual(['hello']);
    expect(report.failures).toEqual([]);
  });
});
