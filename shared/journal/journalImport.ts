// Import: loose Markdown files, Day One's Journal.json, and zips of them become entries, within
// documented limits (see docs/architecture.md, "Journal import"). A Day One zip's audio attachments
// come back as bytes, within their own limits, for the renderer to import as speeches. A zip whose declared totals exceed them, or one entry of
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
import type { DayOneAudio } from './dayOne';
import { readAudios, readDayOne } from './dayOneArchive';
import { entryFromMarkdown, type ImportContext } from './frontMatter';
import type { ImportFailure, ImportNote, ImportReport, ImportValues } from './importReport';
import type { JournalEntry } from './journalEntry';

export type { ImportFailure, ImportReport, ImportValues } from './importReport';

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
  /** All entries of one import, inflated; a Day One Journal.json may be all of it. */
  maxTotalBytes: 50 * MB,
  /** Day One audio attachments in one import (each becomes a speech); more are reported, not read. */
  maxAudioFiles: 200,
  /** Those attachments together, inflated: no more than the zip they come in may hold. */
  maxAudioBytes: 256 * MB,
} as const;

export interface ImportProgress {
  name: string;
  done: number;
  total: number;
}

/** Entries are read through a window this big (see readAhead). */
const readAheadBytes = 4 * MB;
const journalFile = /\.(md|markdown|txt)$/i;
const dayOneFile = /\.json$/i;
const audioFile = /(^|\/)audios\/[^/]+$/i;
const hiddenFile = /(^|\/)(__MACOSX|\.)/;
const entryMessages: Record<Exclude<EntryProblem, 'lies'>, string> = {
  damaged: 'journal.errors.damagedEntry',
  unsupported: 'journal.errors.unsupportedEntry',
};

/** Reads the files a member picked (any mix of .md, .markdown, .txt, Day One .json and .zip) into entries. */
export async function importJournalFiles(
  sources: readonly ArchiveSource[],
  context: ImportContext,
  onProgress?: (progress: ImportProgress) => void,
): Promise<ImportReport> {
  const report: ImportReport = { entries: [], failures: [], notes: [], audios: [] };
  const budget: Budget = {
    entries: journalImportLimits.maxEntries,
    bytes: journalImportLimits.maxTotalBytes,
    audioFiles: journalImportLimits.maxAudioFiles,
    audioBytes: journalImportLimits.maxAudioBytes,
  };
  for (const source of sources) {
    if (/\.zip$/i.test(source.name)) await importArchive(source, context, budget, report, onProgress);
    else await importLoose(source, context, budget, report);
  }
  return report;
}

interface Budget {
  entries: number;
  bytes: number;
  audioFiles: number;
  audioBytes: number;
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
  const dayOne = dayOneFile.test(name);
  if (!journalFile.test(name) && !dayOne) return void fail('journal.errors.notMarkdown');
  const maxSize = dayOne ? journalImportLimits.maxTotalBytes : journalImportLimits.maxEntryBytes;
  if (size > maxSize) return void fail('journal.errors.entryTooLarge', { size, maxSize });
  if (budget.entries < 1 || size > budget.bytes) return void fail(overBudget.messageKey, overBudget.values);
  let bytes: Uint8Array;
  try {
    bytes = await source.read(0, size);
  } catch {
    return void fail('journal.errors.unreadable');
  }
  budget.bytes -= size;
  if (dayOne) {
    const read = readDayOne(bytes, name, new Map(), budget.entries, context);
    budget.entries -= read.entries.length;
    report.entries.push(...read.entries);
    report.notes.push(...read.notes);
    report.failures.push(...read.failures);
    return;
  }
  budget.entries--;
  const parsed = parseEntry(bytes, context, name);
  if (!('entry' in parsed)) return void fail(parsed.messageKey);
  report.entries.push(parsed.entry);
  if (parsed.note) report.notes.push({ name, ...parsed.note });
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
    const visible = directory.records.filter((r) => !hiddenFile.test(r.name));
    const wanted = visible.filter((r) => journalFile.test(r.name) || dayOneFile.test(r.name));
    if (wanted.length > limits.maxEntries)
      return refuse('journal.errors.tooManyFiles', { files: wanted.length, maxFiles: limits.maxEntries });
    const audioFiles = new Map<string, ZipRecord>();
    for (const record of visible)
      if (audioFile.test(record.name)) audioFiles.set(record.name.split('/').pop()!.toLowerCase(), record);
    const failures: ImportFailure[] = [];
    const accepted: ZipRecord[] = [];
    for (const record of wanted) {
      const maxSize = dayOneFile.test(record.name) ? limits.maxTotalBytes : limits.maxEntryBytes;
      if (record.size <= maxSize) accepted.push(record);
      else
        failures.push({
          name: `${source.name}/${record.name}`,
          messageKey: 'journal.errors.entryTooLarge',
          values: { size: record.size, maxSize },
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
    const notes: ImportNote[] = [];
    const audios: DayOneAudio[] = [];
    let entriesLeft = budget.entries - accepted.filter((r) => !dayOneFile.test(r.name)).length;
    const reader = readAhead(source, readAheadBytes);
    for (const [i, record] of accepted.entries()) {
      const read = await readEntry(reader, record);
      const name = `${source.name}/${record.name}`;
      if (read.ok && dayOneFile.test(record.name)) {
        const paths = new Map([...audioFiles].map(([file, audio]) => [file, audio.name]));
        const dayOne = readDayOne(read.bytes, name, paths, entriesLeft, context);
        entriesLeft -= dayOne.entries.length;
        entries.push(...dayOne.entries);
        notes.push(...dayOne.notes);
        failures.push(...dayOne.failures);
        audios.push(...dayOne.audios);
      } else if (read.ok) {
        const parsed = parseEntry(read.bytes, context, record.name);
        if (!('entry' in parsed)) failures.push({ name, messageKey: parsed.messageKey });
        else {
          entries.push(parsed.entry);
          if (parsed.note) notes.push({ name, ...parsed.note });
        }
      } else if (read.problem === 'lies') {
        return refuse('journal.errors.entryLies', { entry: record.name, size: record.size });
      } else {
        failures.push({ name, messageKey: entryMessages[read.problem] });
      }
      onProgress?.({ name: source.name, done: i + 1, total: accepted.length });
    }
    const byPath = new Map([...audioFiles.values()].map((record) => [record.name, record]));
    const read = await readAudios(reader, audios, byPath, budget, notes);
    if (!read.ok)
      return refuse('journal.errors.entryLies', { entry: read.lying.name, size: read.lying.size });
    budget.entries = entriesLeft;
    budget.bytes -= declared;
    report.entries.push(...entries);
    report.failures.push(...failures);
    report.notes.push(...notes);
    report.audios.push(...read.audios);
  } catch {
    refuse('journal.errors.badZip');
  }
}

function parseEntry(
  bytes: Uint8Array,
  context: ImportContext,
  name: string,
): { entry: JournalEntry; note: Omit<ImportNote, 'name'> | null } | { messageKey: string } {
  let text: string;
  try {
    text = strFromU8(bytes);
  } catch {
    return { messageKey: 'journal.errors.notMarkdown' };
  }
  const result = entryFromMarkdown(text, context, name);
  return result.ok ? { entry: result.entry, note: result.note } : { messageKey: result.messageKey };
}
