import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryFromMarkdown, entryToMarkdown, journalFormat } from './frontMatter';
import { arbitraryEntry, testEntry } from './testEntries';

const context = {
  newId: () => 'new-id',
  now: '2025-05-05T00:00:00.000Z',
  today: '2025-05-05',
  timeZone: 'Asia/Shanghai',
};

describe('entry ⇄ Markdown with front matter', () => {
  it('writes readable front matter and the body verbatim', () => {
    const entry = testEntry({
      id: 'a1',
      title: '第一次演讲: 紧张',
      body: '## 做得好的地方\n\n开场很好。\n',
      tags: ['演讲技巧', 'opening'],
      mood: 4,
      speechIds: ['s1'],
    });
    const text = entryToMarkdown(entry, 'Asia/Shanghai');
    expect(text.startsWith(`---\nformat: ${journalFormat}\nid: a1\n`)).toBe(true);
    expect(text).toContain('tags:\n  - 演讲技巧\n  - opening\n');
    expect(text.endsWith('---\n## 做得好的地方\n\n开场很好。\n')).toBe(true);
    expect(entryFromMarkdown(text, context)).toEqual({ ok: true, entry, note: null });
  });

  it('keeps a body that itself contains front-matter-like lines', () => {
    const entry = testEntry({ id: 'b', title: '---', body: '---\ntitle: x\n---\n\n' });
    expect(entryFromMarkdown(entryToMarkdown(entry, 'Asia/Shanghai'), context)).toEqual({
      ok: true,
      entry,
      note: null,
    });
  });

  it('property: export then import gives the same entry', () => {
    fc.assert(
      fc.property(arbitraryEntry, (entry) => {
        expect(entryFromMarkdown(entryToMarkdown(entry, 'Asia/Shanghai'), context)).toEqual({
          ok: true,
          entry,
          note: null,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('imports a plain Markdown file with defaults', () => {
    const result = entryFromMarkdown('# Notes\nhello', context, 'notes/My day.md');
    expect(result).toEqual({
      ok: true,
      entry: testEntry({
        id: 'new-id',
        title: 'My day',
        body: '# Notes\nhello',
        date: '2025-05-05',
        createdAt: context.now,
        updatedAt: context.now,
      }),
      note: { entryId: 'new-id', title: 'My day', date: '2025-05-05', taken: [], dropped: [], undated: true },
    });
  });

  it('accepts Windows line endings in the header', () => {
    const result = entryFromMarkdown('---\r\nid: w\r\ntitle: hi\r\n---\r\nbody', context);
    expect(result.ok && result.entry.id).toBe('w');
  });

  it('rejects bad front matter, another format and invalid fields in Lectern’s own file with a message key', () => {
    expect(entryFromMarkdown('---\nid: [unclosed\n---\n', context)).toEqual({
      ok: false,
      messageKey: 'journal.errors.badFrontMatter',
    });
    expect(entryFromMarkdown('---\nid: x\n', context)).toMatchObject({ ok: false });
    expect(entryFromMarkdown('---\nformat: other/9\n---\n', context)).toEqual({
      ok: false,
      messageKey: 'journal.errors.unknownFormat',
    });
    expect(entryFromMarkdown(`---\nformat: ${journalFormat}\nmood: 9\n---\n`, context)).toEqual({
      ok: false,
      messageKey: 'journal.errors.badEntry',
    });
    expect(entryFromMarkdown('---\n- a list\n---\n', context)).toMatchObject({ ok: false });
  });
});
