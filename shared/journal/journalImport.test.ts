import fc from 'fast-check';
import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { bytesSource, crc32, type ArchiveSource } from './boundedUnzip';
import { entryToMarkdown } from './frontMatter';
import { exportEntriesToZip } from './journalArchive';
import { importJournalFiles, journalImportLimits as limits, type ImportProgress } from './journalImport';
import { arbitraryEntry, testEntry } from './testEntries';
import { declareSize, rawZip, storedEntry, zerosDeflated, zipBomb } from './testZips';

let counter = 0;
const context = {
  newId: () => `gen-${++counter}`,
  now: '2025-05-05T00:00:00.000Z',
  today: '2025-05-05',
  timeZone: 'Asia/Shanghai',
};
const MiB = 1024 * 1024;

function importZip(name: string, zip: Uint8Array, onProgress?: (progress: ImportProgress) => void) {
  return importJournalFiles([bytesSource(name, zip)], context, onProgress);
}

const failuresOf = (report: { failures: { name: string; messageKey: string }[] }) =>
  report.failures.map((f) => `${f.name}:${f.messageKey}`);

/** One MiB of zeros, deflated: an honest entry of exactly the per-entry limit. */
const oneMiB = { data: zerosDeflated(1), crc: crc32(new Uint8Array(MiB)) };

describe('journal import', () => {
  it('property: any archive within the limits round-trips (export, then import, gives the same entries)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(arbitraryEntry, { selector: (e) => e.id, maxLength: 12 }),
        async (entries) => {
          const report = await importZip('export.zip', exportEntriesToZip(entries, 'Asia/Shanghai'));
          expect(report.failures).toEqual([]);
          const byId = (a: { id: string }, b: { id: string }) => a.id.localeCompare(b.id);
          expect(report.entries.sort(byId)).toEqual([...entries].sort(byId));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('imports an archive of Chinese entries with Chinese file names, .txt notes included', async () => {
    const entries = [
      testEntry({
        id: 'a1',
        title: '第一次正式演讲',
        body: '今天练习了演讲技巧，大家互相点评。',
        tags: ['开场'],
      }),
      testEntry({ id: 'b2', title: '即兴练习', body: '题目是“我的家乡”，用了故事开头。', mood: 4 }),
    ];
    const zip = zipSync({
      ...Object.fromEntries(
        entries.map((e) => [`日志/${e.title}.md`, strToU8(entryToMarkdown(e, 'Asia/Shanghai'))]),
      ),
      '日志/没有元数据的笔记.txt': strToU8('只有正文。'),
    });
    const report = await importZip('我的日志.zip', zip);
    expect(report.failures).toEqual([]);
    expect(report.entries.slice(0, 2)).toEqual(entries);
    expect(report.entries[2]).toMatchObject({ title: '没有元数据的笔记', body: '只有正文。' });
  });

  it('imports loose Markdown files and reports bad ones without failing the rest', async () => {
    const good = testEntry({ id: 'good', title: '好' });
    const report = await importJournalFiles(
      [
        bytesSource('good.md', strToU8(entryToMarkdown(good, 'Asia/Shanghai'))),
        bytesSource('bad.md', strToU8('---\nformat: lectern-journal/1\nmood: 42\n---\n')),
        bytesSource('photo.jpg', new Uint8Array([1, 2])),
        bytesSource('broken.zip', new Uint8Array([1, 2, 3])),
      ],
      context,
    );
    expect(report.entries).toEqual([good]);
    expect(failuresOf(report)).toEqual([
      'bad.md:journal.errors.badEntry',
      'photo.jpg:journal.errors.notMarkdown',
      'broken.zip:journal.errors.badZip',
    ]);
  });

  it('skips pictures and hidden files in a zip without inflating them (a bomb among them does no harm)', async () => {
    const zip = rawZip([
      storedEntry('a.md', strToU8('hello')),
      storedEntry('notes.txt', strToU8('plain text')),
      storedEntry('__MACOSX/._a.md', strToU8('junk')),
      { name: 'img.png', data: zerosDeflated(64), method: 8, size: 10, crc: 0 },
    ]);
    const report = await importZip('x.zip', zip);
    expect(report.entries.map((e) => e.body)).toEqual(['hello', 'plain text']);
    expect(report.failures).toEqual([]);
  });

  it('refuses a zip bomb whose header declares 1 KB for 8 GiB, and imports nothing from that zip', async () => {
    const bomb = rawZip([
      storedEntry('journal/good.md', strToU8('fine')),
      { name: 'journal/bomb.md', data: zerosDeflated(8192), method: 8, size: 1000, crc: 0 },
    ]);
    const report = await importZip('bomb.zip', bomb);
    expect(report.entries).toEqual([]);
    expect(report.failures).toEqual([
      {
        name: 'bomb.zip',
        messageKey: 'journal.errors.entryLies',
        values: { entry: 'journal/bomb.md', size: 1000 },
        refusedArchive: true,
      },
    ]);
  });

  it('stops inflating an entry the moment it yields more than it declared (1 MiB declared, 900 MiB inside)', async () => {
    const report = await importZip('bomb.zip', zipBomb('bomb.md', 900, MiB));
    expect(report.entries).toEqual([]);
    expect(report.failures).toEqual([
      expect.objectContaining({
        messageKey: 'journal.errors.entryLies',
        values: { entry: 'bomb.md', size: MiB },
      }),
    ]);
  });

  it('refuses a stored entry whose header declares less than it holds', async () => {
    const zip = rawZip([
      storedEntry('a.md', strToU8('ok')),
      storedEntry('big.md', new Uint8Array(2 * MiB), 10),
    ]);
    const report = await importZip('stored.zip', zip);
    expect(report.entries).toEqual([]);
    expect(failuresOf(report)).toEqual(['stored.zip:journal.errors.entryLies']);
  });

  it('refuses a zip whose entries inflate to more than their patched headers say', async () => {
    const zip = declareSize(zipSync({ 'a.md': strToU8('好'.repeat(100_000)) }), 'a.md', 300);
    const report = await importZip('patched.zip', zip);
    expect(report.entries).toEqual([]);
    expect(report.failures[0]).toMatchObject({
      messageKey: 'journal.errors.entryLies',
      values: { entry: 'a.md' },
    });
  });

  it('skips, by name and without inflating it, the issue’s 525 KB zip of 100 entries of 5 MiB each', async () => {
    const five = { data: zerosDeflated(5), method: 8 as const, size: 5 * MiB, crc: 0 };
    const zip = rawZip(Array.from({ length: 100 }, (_, i) => ({ ...five, name: `e${i}.md` })));
    expect(zip.length).toBeLessThan(600_000);
    const report = await importZip('issue.zip', zip);
    expect(report.entries).toEqual([]);
    expect(report.failures).toHaveLength(100);
    expect(report.failures[0]).toEqual({
      name: 'issue.zip/e0.md',
      messageKey: 'journal.errors.entryTooLarge',
      values: { size: 5 * MiB, maxSize: limits.maxEntryBytes },
    });
  });

  it('imports the other entries when one is over the per-entry limit, naming that one', async () => {
    const zip = zipSync({
      'small.md': strToU8('短'),
      'huge.md': strToU8('a'.repeat(limits.maxEntryBytes + 1)),
    });
    const report = await importZip('mixed.zip', zip);
    expect(report.entries.map((e) => e.body)).toEqual(['短']);
    expect(report.failures).toEqual([
      {
        name: 'mixed.zip/huge.md',
        messageKey: 'journal.errors.entryTooLarge',
        values: { size: limits.maxEntryBytes + 1, maxSize: limits.maxEntryBytes },
      },
    ]);
  });

  it('refuses before inflating a zip whose entries together declare more than the total limit', async () => {
    const count = limits.maxTotalBytes / MiB + 1;
    const zip = rawZip(
      Array.from({ length: count }, (_, i) => ({
        name: `${i}.md`,
        method: 8 as const,
        size: MiB,
        ...oneMiB,
      })),
    );
    const report = await importZip('big.zip', zip);
    expect(report.entries).toEqual([]);
    expect(report.failures).toEqual([
      {
        name: 'big.zip',
        messageKey: 'journal.errors.tooMuchText',
        values: { size: count * MiB, maxSize: limits.maxTotalBytes },
        refusedArchive: true,
      },
    ]);
  });

  it('refuses a zip with more journal files than one import takes', async () => {
    const files: Zippable = {};
    for (let i = 0; i <= limits.maxEntries; i++) files[`journal/${i}.md`] = strToU8(`第${i}篇`);
    const report = await importZip('many.zip', zipSync(files, { level: 0 }));
    expect(report.entries).toEqual([]);
    expect(report.failures).toEqual([
      {
        name: 'many.zip',
        messageKey: 'journal.errors.tooManyFiles',
        values: { files: limits.maxEntries + 1, maxFiles: limits.maxEntries },
        refusedArchive: true,
      },
    ]);
  });

  it('refuses a zip whose directory lists more records than allowed, before reading the directory', async () => {
    const zip = rawZip([storedEntry('a.md', strToU8('x'))]);
    // The end record's counts claim 40,000 records; the directory holds one.
    zip.set([0x40, 0x9c, 0x40, 0x9c], zip.length - 22 + 8);
    const report = await importZip('claims.zip', zip);
    expect(report.failures).toEqual([
      expect.objectContaining({
        messageKey: 'journal.errors.tooManyFiles',
        values: { files: 40_000, maxFiles: limits.maxRecords },
      }),
    ]);
  });

  it('keeps to the total limit across the files of one import: a second big zip is refused', async () => {
    const half = (limits.maxTotalBytes / MiB) * 0.6;
    const zip = rawZip(
      Array.from({ length: half }, (_, i) => ({ name: `${i}.md`, method: 8 as const, size: MiB, ...oneMiB })),
    );
    const report = await importJournalFiles(
      [bytesSource('one.zip', zip), bytesSource('two.zip', zip)],
      context,
    );
    expect(report.entries).toHaveLength(half);
    expect(failuresOf(report)).toEqual(['two.zip:journal.errors.importTooLarge']);
  });

  it('never reads a loose file over the per-entry limit', async () => {
    const unreadable: ArchiveSource = {
      name: 'long.md',
      size: limits.maxEntryBytes + 1,
      read: () => Promise.reject(new Error('must not be read')),
    };
    const report = await importJournalFiles([unreadable], context);
    expect(report.failures).toEqual([
      {
        name: 'long.md',
        messageKey: 'journal.errors.entryTooLarge',
        values: { size: limits.maxEntryBytes + 1, maxSize: limits.maxEntryBytes },
      },
    ]);
  });

  it('refuses a zip over the archive limit without reading it', async () => {
    const huge: ArchiveSource = {
      name: 'huge.zip',
      size: limits.maxArchiveBytes + 1,
      read: () => Promise.reject(new Error('must not be read')),
    };
    const report = await importJournalFiles([huge], context);
    expect(failuresOf(report)).toEqual(['huge.zip:journal.errors.archiveTooLarge']);
  });

  it('reports a damaged entry by name and imports the rest', async () => {
    const damaged = storedEntry('damaged.md', strToU8('原来的文字'));
    damaged.data = damaged.data.slice();
    damaged.data[0]! ^= 1;
    const report = await importZip('d.zip', rawZip([storedEntry('ok.md', strToU8('好')), damaged]));
    expect(report.entries.map((e) => e.body)).toEqual(['好']);
    expect(failuresOf(report)).toEqual(['d.zip/damaged.md:journal.errors.damagedEntry']);
  });

  it('reads sizes from the zip64 extra field', async () => {
    const entry = storedEntry('big-archive-style.md', strToU8('zip64 写法'));
    const report = await importZip('z64.zip', rawZip([{ ...entry, zip64: true }]));
    expect(report.failures).toEqual([]);
    expect(report.entries.map((e) => e.body)).toEqual(['zip64 写法']);
  });

  it('reads a zip’s text entries in a few large reads and never reads the pictures in it', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 1000; i++) files[`${i}.md`] = strToU8(`第${i}篇`);
    files['photo.jpg'] = [new Uint8Array(20 * MiB), { level: 0 }];
    const zip = bytesSource('many.zip', zipSync(files));
    let reads = 0;
    let bytesRead = 0;
    const counted: ArchiveSource = {
      ...zip,
      read: async (offset, length) => {
        const bytes = await zip.read(offset, length);
        reads++;
        bytesRead += bytes.length;
        return bytes;
      },
    };
    const report = await importJournalFiles([counted], context);
    expect(report.entries).toHaveLength(1000);
    expect(reads).toBeLessThanOrEqual(3); // the end record, the directory, one window of entries
    expect(bytesRead).toBeLessThan(10 * MiB);
  });

  it('reads entries in file order, and no picture, even when the directory lists them backwards', async () => {
    const entries = [
      storedEntry('photo.jpg', new Uint8Array(20 * MiB)),
      ...Array.from({ length: 1000 }, (_, i) => storedEntry(`${i}.md`, strToU8(`第${i}篇`))),
    ];
    const zip = bytesSource('backwards.zip', rawZip(entries, { reversed: true }));
    let bytesRead = 0;
    const counted: ArchiveSource = {
      ...zip,
      read: async (offset, length) => {
        const bytes = await zip.read(offset, length);
        bytesRead += bytes.length;
        return bytes;
      },
    };
    const report = await importJournalFiles([counted], context);
    expect(report.entries).toHaveLength(1000);
    expect(bytesRead).toBeLessThan(1 * MiB);
  });

  it('reports progress through a zip, entry by entry', async () => {
    const files: Zippable = {};
    for (let i = 0; i < 5; i++) files[`${i}.md`] = strToU8(`${i}`);
    const progress: ImportProgress[] = [];
    await importZip('p.zip', zipSync(files), (p) => progress.push(p));
    expect(progress.map((p) => `${p.done}/${p.total}`)).toEqual(['1/5', '2/5', '3/5', '4/5', '5/5']);
  });
});
