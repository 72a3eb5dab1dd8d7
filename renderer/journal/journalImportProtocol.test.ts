import { strToU8, zipSync, type Zippable } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipBomb } from '../../shared/journal/testZips';
import { serveImport, type ImportReply } from './journalImportProtocol';

async function serve(files: File[]): Promise<ImportReply[]> {
  const replies: ImportReply[] = [];
  await serveImport(
    { files, now: '2025-05-05T00:00:00.000Z', today: '2025-05-05', timeZone: 'Asia/Shanghai' },
    (m) => replies.push(m),
  );
  return replies;
}

describe('journal import worker', () => {
  it('reads a picked zip in slices and reports its progress about once per percent', async () => {
    const entries: Zippable = {};
    for (let i = 0; i < 1000; i++)
      entries[`journal/${i}.md`] = strToU8(`---\ntitle: 第${i}篇\n---\n正文 ${i}`);
    const replies = await serve([new File([zipSync(entries)], '日志.zip')]);
    const progress = replies.flatMap((r) => (r.type === 'progress' ? [r.progress] : []));
    expect(progress.length).toBe(101); // 0 % to 100 %
    expect(progress.at(-1)).toEqual({ name: '日志.zip', done: 1000, total: 1000 });
    const done = replies.at(-1);
    expect(done?.type === 'done' && done.report.entries.map((e) => e.title).slice(0, 2)).toEqual([
      '第0篇',
      '第1篇',
    ]);
  });

  it('answers a zip bomb with a refusal, not a crash', async () => {
    const replies = await serve([
      new File([zipBomb('bomb.md', 4096, 1000) as Uint8Array<ArrayBuffer>], 'bomb.zip'),
    ]);
    expect(replies).toEqual([
      {
        type: 'done',
        report: {
          entries: [],
          failures: [
            {
              name: 'bomb.zip',
              messageKey: 'journal.errors.entryLies',
              values: { entry: 'bomb.md', size: 1000 },
              refusedArchive: true,
            },
          ],
          notes: [],
        },
        audios: [],
      },
    ]);
  });
});
