// Export and import in the browser and in Electron alike: downloads through a Blob and an
// <a download>, imports from files the member picked. The format itself lives in shared/journal.
import { entryToMarkdown } from '../../shared/journal/frontMatter';
import { entryFileName, exportEntriesToZip, importJournalFiles } from '../../shared/journal/journalArchive';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { localDay } from '../../shared/journal/localDay';
import { db } from '../state/db';
import { flushDraft } from './entryDraftStore';
import { importEntries, type ImportResult } from './journalActions';

function download(name: string, data: BlobPart, type: string): void {
  const url = URL.createObjectURL(new Blob([data], { type }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.style.display = 'none';
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** One entry as a .md file; several as a .zip of .md files. */
export function exportEntries(entries: readonly JournalEntry[]): void {
  if (entries.length === 1) {
    const entry = entries[0]!;
    return download(entryFileName(entry), entryToMarkdown(entry), 'text/markdown;charset=utf-8');
  }
  const zip = exportEntriesToZip(entries);
  download(`lectern-journal-${localDay(new Date())}.zip`, zip as Uint8Array<ArrayBuffer>, 'application/zip');
}

/** Exports these entries as they are in the database now (after the open draft was saved). */
export async function exportEntriesById(ids: readonly string[]): Promise<void> {
  await flushDraft();
  const entries = await db.journalEntries.bulkGet([...ids]);
  exportEntries(entries.filter((entry): entry is JournalEntry => entry !== undefined));
}

export interface ImportOutcome extends ImportResult {
  failures: { name: string; messageKey: string }[];
}

export async function importFromFiles(files: readonly File[]): Promise<ImportOutcome> {
  const read = await Promise.all(
    files.map(async (file) => ({ name: file.name, bytes: new Uint8Array(await file.arrayBuffer()) })),
  );
  const now = new Date();
  const report = importJournalFiles(read, {
    newId: () => crypto.randomUUID(),
    now: now.toISOString(),
    today: localDay(now),
  });
  const result = await importEntries(report.entries);
  return { ...result, failures: report.failures };
}
