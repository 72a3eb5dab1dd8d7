// Many entries as one zip of Markdown files (one file per entry, named by date and title), and the
// way back: a zip or loose .md files become entries again. Bad files are reported, never fatal.
import { strFromU8, strToU8, unzipSync, zipSync, type Zippable } from 'fflate';
import { entryFromMarkdown, entryToMarkdown, type ImportContext } from './frontMatter';
import type { JournalEntry } from './journalEntry';

export interface ImportedFile {
  name: string;
  bytes: Uint8Array;
}

export interface ImportReport {
  entries: JournalEntry[];
  failures: { name: string; messageKey: string }[];
}

/** A file name that is safe on every OS and still says what the entry is. */
export function entryFileName(entry: JournalEntry): string {
  const slug = entry.title
    .normalize('NFC')
    .replace(/[\p{Cc}\\/:*?"<>|#%&{}$!'@+`=]/gu, ' ')
    .replace(/\s+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 40)
    .replace(/[-.]+$/g, '');
  const id = entry.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 8) || 'entry';
  return `${entry.date}${slug ? `-${slug}` : ''}-${id}.md`;
}

export function exportEntriesToZip(entries: readonly JournalEntry[]): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    let name = `journal/${entryFileName(entry)}`;
    for (let n = 2; name in files; n++) name = `journal/${entryFileName(entry).replace(/\.md$/, `-${n}.md`)}`;
    files[name] = [strToU8(entryToMarkdown(entry)), { level: 6 }];
  }
  return zipSync(files);
}

const maxFiles = 20_000;
const maxFileBytes = 5 * 1024 * 1024;

export function importJournalFiles(files: readonly ImportedFile[], context: ImportContext): ImportReport {
  const report: ImportReport = { entries: [], failures: [] };
  for (const file of files) {
    if (/\.zip$/i.test(file.name)) {
      let inner: Record<string, Uint8Array>;
      try {
        inner = unzipSync(file.bytes, {
          filter: (info) => /\.(md|markdown)$/i.test(info.name) && info.originalSize <= maxFileBytes,
        });
      } catch {
        report.failures.push({ name: file.name, messageKey: 'journal.errors.badZip' });
        continue;
      }
      const names = Object.keys(inner).filter((name) => !/(^|\/)(__MACOSX|\.)/.test(name));
      for (const name of names.slice(0, maxFiles)) readOne({ name, bytes: inner[name]! }, context, report);
    } else {
      readOne(file, context, report);
    }
  }
  return report;
}

function readOne(file: ImportedFile, context: ImportContext, report: ImportReport): void {
  if (!/\.(md|markdown|txt)$/i.test(file.name))
    return void report.failures.push({ name: file.name, messageKey: 'journal.errors.notMarkdown' });
  if (file.bytes.byteLength > maxFileBytes)
    return void report.failures.push({ name: file.name, messageKey: 'journal.errors.tooLarge' });
  let text: string;
  try {
    text = strFromU8(file.bytes);
  } catch {
    return void report.failures.push({ name: file.name, messageKey: 'journal.errors.notMarkdown' });
  }
  const result = entryFromMarkdown(text, context, file.name);
  if (result.ok) report.entries.push(result.entry);
  else report.failures.push({ name: file.name, messageKey: result.messageKey });
}
