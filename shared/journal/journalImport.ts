// Import: loose Markdown files and zips of them become entries, within documented limits (see
// docs/architecture.md, "Journal import"). A zip whose declared totals exceed them, or one entry of
// which holds more than its header says, is refused whole before anything is written; a single entry
// that is too big, damaged or unreadable is reported by name and the rest imports. Bad files are
// reported, never fatal. The renderer runs this in a worker (renderer/journal/journalImportWorker.ts).
import { strFromU8 } from 'fflate';
import {
  readAhead,
  readDirectory,
  readEntry,
  type ArchiveSource,
  type EntryProblem,
  type ZipRecord,
} from './boundedUnzip';
import { entryFromMarkdown, type ImportContext } from './frontMatter';
import type { JournalEntry } from './journalEntry';

const MB = 1024 * 1024;

export const journalImportLimits = {
  /** The zip file itself. Only its directory and its text entries are ever read. */
  maxArchiveBytes: 256 * MB,
  /** Records in a zip's directory, of any kind (folders, pictures, __MACOSX copies). */
  maxRecords: 30_000,
  /** A zip's directory, read whole before anything else. */
  maxDirectoryBytes: 8 * MB,
  /** Journal entries in one import (a zip's .md, .markdown and .txt files, or loose ones). */
  maxEntries: 10_000,
  /** One entry, inflated. */
  maxEntryBytes: 1 * MB,
  /** All entries of one import, inflated. */
  maxTotalBytes: 50 * MB,
} as const;

/** Values for a failure's message: `size`/`maxSize` are bytes, `files`/`maxFiles` numbers of files. */
export type ImportValues = Partial<Record<'size' | 'maxSize' | 'files' | 'maxFiles', number>> & {
  entry?: string;
};

export interface ImportFailure {
  /** The file picked, or `archive.zip/inner/path.md` for one entry of a zip. */
  name: string;
  messageKey: string;
  values?: ImportValues;
  /** The whole zip was refused: nothing in it was imported. */
  refusedArchive?: boolean;
}

export interface ImportReport {
  entries: JournalEntry[];
  failures: ImportFailure[];
}

export interface ImportProgress {
  name: string;
  done: number;
  total: number;
}

/** Entries are read through a window this big (see readAhead). */
const readAheadBytes = 4 * MB;
const journalFile = /\.(md|markdown|txt)$/i;
const hiddenFile = /(^|\/)(__MACOSX|\.)/;
const entryMessages: Record<Exclude<EntryProblem, 'lies'>, string> = {
  damaged: 'journal.errors.damagedEntry',
  unsupported: 'journal.errors.unsupportedEntry',
};

/** Reads the files a member picked (any mix of .md, .markdown, .txt and .zip) into entries. */
export async function importJournalFiles(
  sources: readonly ArchiveSource[],
  context: ImportContext,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const report: ImportReport = { entries: [], failures: [] };
  const budget = { entries: journalImportLimits.maxEntries, bytes: journalImportLimits.maxTotalBytes };
  for (const source of sources) {
    if (/\.zip$/i.test(source.name)) await importArchive(source, context, budget, report, onProgress);
    else await importLoose(source, context, budget, report);
  }
  return report;
}

interface Budget {
  entries: number;
  bytes: number;
}

const overBudget = {
  messageKey: 'journal.errors.importTooLarge',
  values: { maxFiles: journalImportLimits.maxEntries, maxSize: journalImportLimits.maxTotalBytes },
};

async function importLoose(
  source: ArchiveSource,
  context: ImportContext,
  budget: Budget,
  report: ImportReport,
): Promise<void> {
  const { name, size } = source;
  const fail = (messageKey: string, values?: ImportValues) =>
    report.failures.push({ name, messageKey, values });
  if (!journalFile.test(name)) return void fail('journal.errors.notMarkdown');
  if (size > journalImportLimits.maxEntryBytes)
    return void fail('journal.errors.entryTooLarge', { size, maxSize: journalImportLimits.maxEntryBytes });
  if (budget.entries < 1 || size > budget.bytes) return void fail(overBudget.messageKey, overBudget.values);
  let bytes: Uint8Array;
  try {
    bytes = await source.read(0, size);
  } catch {
    return void fail('journal.errors.unreadable');
  }
  budget.entries--;
  budget.bytes -= size;
  const parsed = parseEntry(bytes, context, name);
  if ('entry' in parsed) report.entries.push(parsed.entry);
  else fail(parsed.messageKey);
}

async function importArchive(
  source: ArchiveSource,
  context: ImportContext,
  budget: Budget,
  report: ImportReport,
  onProgress?: (progress: ImportProgress) => void,
): Promise<void> {
  const limits = journalImportLimits;
  const refuse = (messageKey: string, values?: ImportValues) =>
    void report.failures.push({ name: source.name, messageKey, values, refusedArchive: true });
  if (source.size > limits.maxArchiveBytes)
    return refuse('journal.errors.archiveTooLarge', { size: source.size, maxSize: limits.maxArchiveBytes });
  try {
    // Everything the caps need comes from the directory: nothing is inflated until it passes.
    const directory = await readDirectory(source, limits.maxRecords, limits.maxDirectoryBytes);
    if (!directory.ok)
      return directory.problem === 'badZip'
        ? refuse('journal.errors.badZip')
        : refuse('journal.errors.tooManyFiles', { files: directory.count, maxFiles: limits.maxRecords });
    const wanted = directory.records.filter((r) => journalFile.test(r.name) && !hiddenFile.test(r.name));
    if (wanted.length > limits.maxEntries)
      return refuse('journal.errors.tooManyFiles', { files: wanted.length, maxFiles: limits.maxEntries });
    const failures: ImportFailure[] = [];
    const accepted: ZipRecord[] = [];
    for (const record of wanted) {
      if (record.size <= limits.maxEntryBytes) accepted.push(record);
      else
        failures.push({
          name: `${source.name}/${record.name}`,
          messageKey: 'journal.errors.entryTooLarge',
          values: { size: record.size, maxSize: limits.maxEntryBytes },
        });
    }
    const declared = accepted.reduce((sum, record) => sum + record.size, 0);
    if (declared > limits.maxTotalBytes)
      return refuse('journal.errors.tooMuchText', { size: declared, maxSize: limits.maxTotalBytes });
    if (accepted.length > budget.entries || declared > budget.bytes)
      return refuse(overBudget.messageKey, overBudget.values);

    // In file order, so the read-ahead window serves each entry once, whatever order the directory has.
    accepted.sort((a, b) => a.offset - b.offset);
    const entries: JournalEntry[] = [];
    const reader = readAhead(source, readAheadBytes);
    for (const [i, record] of accepted.entries()) {
      const read = await readEntry(reader, record);
      const name = `${source.name}/${record.name}`;
      if (read.ok) {
        const parsed = parseEntry(read.bytes, context, record.name);
        if ('entry' in parsed) entries.push(parsed.entry);
        else failures.push({ name, messageKey: parsed.messageKey });
      } else if (read.problem === 'lies') {
        return refuse('journal.errors.entryLies', { entry: record.name, size: record.size });
      } else {
        failures.push({ name, messageKey: entryMessages[read.problem] });
      }
      onProgress?.({ name: source.name, done: i + 1, total: accepted.length });
    }
    budget.entries -= accepted.length;
    budget.bytes -= declared;
    report.entries.push(...entries);
    report.failures.push(...failures);
  } catch {
    refuse('journal.errors.badZip');
  }
}

function parseEntry(
  bytes: Uint8Array,
  context: ImportContext,
  name: string,
): { entry: JournalEntry } | { messageKey: string } {
  let text: string;
  try {
    text = strFromU8(bytes);
  } catch {
    return { messageKey: 'journal.errors.notMarkdown' };
  }
  const result = entryFromMarkdown(text, context, name);
  return result.ok ? { entry: result.entry } : { messageKey: result.messageKey };
}
