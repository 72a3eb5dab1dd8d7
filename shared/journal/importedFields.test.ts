import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { entryFromMarkdown, entryToMarkdown, journalFormat } from './frontMatter';
import { arbitraryEntry } from './testEntries';

const context = {
  newId: () => 'new-id',
  now: '2025-05-05T00:00:00.000Z',
  today: '2025-05-05',
  timeZone: 'Asia/Shanghai',
};

/** A note as another app writes it: front matter, then the body. */
const note = (header: string, body = '正文') => `---\n${header}\n---\n${body}`;

function imported(text: string, name = 'note.md') {
  const result = entryFromMarkdown(text, context, name);
  if (!result.ok) throw new Error(`refused: ${result.messageKey}`);
  return result;
}

describe('front matter other apps write', () => {
  it('imports an Obsidian note: tags as a list, created as a day, aliases ignored and reported', () => {
    const { entry, note: report } = imported(
      note('tags: [演讲, practice]\ncreated: 2024-05-01\naliases: []'),
      'Obsidian/第一次演讲.md',
    );
    expect(entry).toMatchObject({ title: '第一次演讲', date: '2024-05-01', tags: ['演讲', 'practice'] });
    expect(entry.createdAt).toBe('2024-04-30T16:00:00.000Z'); // midnight in Shanghai
    expect(report?.taken).toEqual(['tags', 'created']);
    expect(report?.dropped).toEqual([{ what: 'aliases', reason: 'unknownField' }]);
  });

  it('imports an Obsidian note with tags as one string and a date', () => {
    const { entry } = imported(note('tags: speech\ndate: 2024-06-01'));
    expect(entry).toMatchObject({ date: '2024-06-01', tags: ['speech'] });
    expect(imported(note('tags: "#speech, 即兴"')).entry.tags).toEqual(['speech', '即兴']);
  });

  it('imports Joplin’s Markdown + Front Matter export: a UTC time falls on its day in the computer’s zone', () => {
    const { entry, note: report } = imported(
      note(
        [
          'title: 周五的即兴演讲',
          'updated: 2024-05-03 02:00:00Z',
          'created: 2024-05-01 17:30Z',
          'latitude: 31.23040000',
          'longitude: 121.47370000',
          'altitude: 0.0000',
          'author: 李伟',
          'tags:',
          '  - 即兴',
          '  - Toastmasters',
        ].join('\n'),
      ),
    );
    expect(entry).toMatchObject({
      title: '周五的即兴演讲',
      // 17:30 UTC is 01:30 the next morning in Shanghai.
      date: '2024-05-02',
      createdAt: '2024-05-01T17:30:00.000Z',
      updatedAt: '2024-05-03T02:00:00.000Z',
      tags: ['即兴', 'Toastmasters'],
    });
    expect(report?.dropped.map((d) => d.what)).toEqual(['latitude', 'longitude', 'altitude', 'author']);
  });

  it('takes the day a time with an offset names, and reads an Obsidian wall time in the computer’s zone', () => {
    expect(imported(note('created: 2024-05-01T23:30:00-07:00')).entry.date).toBe('2024-05-01');
    const { entry } = imported(note('created: 2024-05-01T10:30'));
    expect(entry).toMatchObject({ date: '2024-05-01', createdAt: '2024-05-01T02:30:00.000Z' });
  });

  it('leaves out a value that does not fit instead of refusing the file, and says so', () => {
    const { entry, note: report } = imported(note('mood: happy\ndate: someday\ncreated: 2024-05-01'));
    expect(entry).toMatchObject({ mood: null, date: '2024-05-01' });
    expect(report?.dropped).toEqual([
      { what: 'mood', reason: 'badValue' },
      { what: 'date', reason: 'badValue' },
    ]);
  });

  it('dates a file that names no date the day of the import, and says so', () => {
    expect(imported('只有正文', 'plain.txt').note).toMatchObject({ date: '2025-05-05', undated: true });
  });

  it('still refuses Lectern’s own file with a damaged field, but not for a field it does not know', () => {
    expect(entryFromMarkdown(note(`format: ${journalFormat}\nmood: 9`), context)).toMatchObject({
      ok: false,
      messageKey: 'journal.errors.badEntry',
    });
    const newer = imported(note(`format: ${journalFormat}\nid: x\nfromNewerVersion: 1`));
    expect(newer.entry.id).toBe('x');
    expect(newer.note?.dropped).toEqual([{ what: 'fromNewerVersion', reason: 'unknownField' }]);
  });

  it('property: any front matter with extra keys imports, and names each extra key', () => {
    const read =
      /^(format|id|title|date|mood|tags|speechIds|shared|createdAt|updatedAt|deletedAt|created|updated|modified|creationDate|modifiedDate)$/;
    const extraKey = fc
      .string({ minLength: 1, maxLength: 20 })
      .filter((key) => /^[A-Za-z_][\w-]*$/.test(key) && !read.test(key));
    fc.assert(
      fc.property(
        fc.dictionary(extraKey, fc.jsonValue({ maxDepth: 3 }), { minKeys: 1, maxKeys: 6 }),
        (extra) => {
          const header = Object.entries(extra)
            .map(([key, value]) => `${key}: ${JSON.stringify(value)}`)
            .join('\n');
          const result = imported(note(`title: 带额外字段\n${header}`));
          expect(result.entry.title).toBe('带额外字段');
          expect(result.note?.dropped.map((d) => d.what).sort()).toEqual(Object.keys(extra).sort());
        },
      ),
      { numRuns: 300 },
    );
  });

  it('property: hostile front matter never throws out of the parser', () => {
    const yamlish = fc.array(
      fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.constantFrom(
          'a: &x [*x]',
          'b: !!binary ZZZ',
          '? [a]: b',
          'tags: {a: 1}',
          'created: 9999-99-99',
          'date: 275760-09-13T00:00Z',
          '<<: *undefined',
          'x: !custom 1',
          '- list',
          'title: [',
          '"\\u0000": 1',
        ),
      ),
      { maxLength: 10 },
    );
    fc.assert(
      fc.property(yamlish, fc.string({ maxLength: 40 }), (lines, body) => {
        const result = entryFromMarkdown(note(lines.join('\n'), body), context, 'x.md');
        expect(typeof result.ok).toBe('boolean');
      }),
      { numRuns: 500 },
    );
  });

  it('refuses a billion-laughs header quickly instead of expanding it', () => {
    const laughs = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const next = String.fromCharCode(97 + i);
      laughs.push(`${next}: &${next} [${Array(9).fill(`*${prev}`).join(',')}]`);
    }
    expect(entryFromMarkdown(note(laughs.join('\n')), context)).toEqual({
      ok: false,
      messageKey: 'journal.errors.badFrontMatter',
    });
  });
});

describe('export for Obsidian and Joplin', () => {
  it('writes created and updated as wall times in the computer’s zone, beside Lectern’s fields', () => {
    const [entry] = fc.sample(arbitraryEntry, { numRuns: 1, seed: 7 });
    const text = entryToMarkdown(
      { ...entry!, createdAt: '2024-05-01T17:30:00.000Z', updatedAt: '2024-05-02T00:00:00.000Z' },
      'Asia/Shanghai',
    );
    expect(text).toContain('\ncreated: 2024-05-02T01:30:00\nupdated: 2024-05-02T08:00:00\n');
  });

  it('property: Lectern → export → import keeps every field, in any time zone', () => {
    const zone = fc.constantFrom(
      'Asia/Shanghai',
      'America/Los_Angeles',
      'Europe/London',
      'UTC',
      'Pacific/Kiritimati',
    );
    fc.assert(
      fc.property(arbitraryEntry, zone, (entry, timeZone) => {
        const result = entryFromMarkdown(entryToMarkdown(entry, timeZone), { ...context, timeZone });
        expect(result).toEqual({ ok: true, entry, note: null });
      }),
      { numRuns: 300 },
    );
  });
});
