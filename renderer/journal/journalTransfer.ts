// Export and import in the browser and in Electron alike: downloads through a Blob and an
// <a download>, imports from files the member picked, read in a worker; Day One audio becomes
// speeches before the entries that link them are saved. The format and the import limits live in
// shared/journal.
import { entryToMarkdown } from '../../shared/journal/frontMatter';
import { entryFileName, exportEntriesToZip } from '../../shared/journal/journalArchive';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import type { ImportNote } from '../../shared/journal/importReport';
import type { ImportFailure, ImportProgress } from '../../shared/journal/journalImport';
import { localDay } from '../../shared/journal/localDay';
import { localTimeZone } from '../rules/assignments/formatDeadline';
import { downloadFile } from '../shell/downloadFile';
import { db } from '../state/db';
import { flushDraft } from './entryDraftStore';
import { importEntryAudio } from './importEntryAudio';
import { importEntries, type ImportResult } from './journalActions';
import { serveImport, type ImportReply, type ImportRequest } from './journalImportProtocol';

/** One entry as a .md file; several as a .zip of .md files. */
export function exportEntries(entries: readonly JournalEntry[]): void {
  if (entries.length === 1) {
    const entry = entries[0]!;
    return downloadFile(
      entryFileName(entry),
      entryToMarkdown(entry, localTimeZone()),
      'text/markdown;charset=utf-8',
    );
  }
  const zip = exportEntriesToZip(entries, localTimeZone());
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
  notes: ImportNote[];
  /** Day One audio attachments that became speeches. */
  speeches: number;
}

export interface ImportListener {
  /** Reading a big zip. */
  onProgress?: (progress: ImportProgress) => void;
  /** Importing audio attachments as speeches, `done` of `total`. */
  onAudio?: (done: number, total: number) => void;
}

/**
 * Reads the picked files in a Web Worker (within the limits of shared/journal/journalImport.ts), then
 * saves what they hold. Where there are no workers (unit tests) the same code runs on this thread.
 */
export async function importFromFiles(
  files: readonly File[],
  listener: ImportListener = {},
): Promise<ImportOutcome> {
  const now = new Date();
  const request: ImportRequest = {
    files: [...files],
    now: now.toISOString(),
    today: localDay(now),
    timeZone: localTimeZone(),
  };
  const { report, audios } = await readInWorker(request, listener.onProgress);
  const linked = await importEntryAudio(report.entries, report.notes, audios, (done, total) =>
    listener.onAudio?.(done, total),
  );
  const result = await importEntries(linked.entries);
  return { ...result, failures: report.failures, notes: report.notes, speeches: linked.speeches };
}

function readInWorker(
  request: ImportRequest,
  onProgress?: (progress: ImportProgress) => void,
): Promise<Extract<ImportReply, { type: 'done' }>> {
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
      if (message.type === 'done') resolve(message);
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
