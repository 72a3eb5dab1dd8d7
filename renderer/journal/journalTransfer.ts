// Export and import in the browser and in Electron alike: downloads through a Blob and an
// <a download>, imports from files the member picked, read in a worker. The format and the import
// limits live in shared/journal.
import { entryToMarkdown } from '../../shared/journal/frontMatter';
import { entryFileName, exportEntriesToZip } from '../../shared/journal/journalArchive';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import type { ImportFailure, ImportProgress, ImportReport } from '../../shared/journal/journalImport';
import { localDay } from '../../shared/journal/localDay';
import { downloadFile } from '../shell/downloadFile';
import { db } from '../state/db';
import { flushDraft } from './entryDraftStore';
import { importEntries, type ImportResult } from './journalActions';
import { serveImport, type ImportReply, type ImportRequest } from './journalImportProtocol';

/** One entry as a .md file; several as a .zip of .md files. */
export function exportEntries(entries: readonly JournalEntry[]): void {
  if (entries.length === 1) {
    const entry = entries[0]!;
    return downloadFile(entryFileName(entry), entryToMarkdown(entry), 'text/markdown;charset=utf-8');
  }
  const zip = exportEntriesToZip(entries);
  downloadFile(
    `lectern-journal-${localDay(new Date())}.zip`,
    zip as Uint8Array<ArrayBuffer>,
    'application/zip',
  );
}

/** Exports these entries as they are in the database now (after the open draft was saved). */
export async function exportEntriesById(ids: readonly string[]): Promise<void> {
  await flushDraft();
  const entries = await db.journalEntries.bulkGet([...ids]);
  exportEntries(entries.filter((entry): entry is JournalEntry => entry !== undefined));
}

export interface ImportOutcome extends ImportResult {
  failures: ImportFailure[];
}

/**
 * Reads the picked files in a Web Worker (within the limits of shared/journal/journalImport.ts), then
 * saves what they hold. Where there are no workers (unit tests) the same code runs on this thread.
 */
export async function importFromFiles(
  files: readonly File[],
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportOutcome> {
  const now = new Date();
  const request: ImportRequest = { files: [...files], now: now.toISOString(), today: localDay(now) };
  const report = await readInWorker(request, onProgress);
  const result = await importEntries(report.entries);
  return { ...result, failures: report.failures };
}

function readInWorker(
  request: ImportRequest,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const worker =
    typeof Worker === 'function'
      ? new Worker(new URL('./journalImportWorker.ts', import.meta.url), {
          type: 'module',
          name: 'journal-import',
        })
      : null;
  return new Promise((resolve, reject) => {
    const receive = (message: ImportReply) => {
      if (message.type === 'progress') return onProgress?.(message.progress);
      worker?.terminate();
      if (message.type === 'done') resolve(message.report);
      else reject(new Error(`journal import failed: ${message.message}`));
    };
    if (!worker) return void serveImport(request, receive);
    worker.onmessage = (event: MessageEvent<ImportReply>) => receive(event.data);
    worker.onerror = (event) => {
      worker.terminate();
      reject(new Error(`journal import worker: ${event.message}`));
    };
    worker.postMessage(request);
  });
}
