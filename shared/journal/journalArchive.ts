// Many entries as one zip of Markdown files (one file per entry, named by date and title). The way
// back, within the import limits, is journalImport.ts.
import { strToU8, zipSync, type Zippable } from 'fflate';
import { entryToMarkdown } from './frontMatter';
import type { JournalEntry } from './journalEntry';

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

/** `timeZone` is the computer's (see entryToMarkdown). */
export function exportEntriesToZip(entries: readonly JournalEntry[], timeZone: string): Uint8Array {
  const files: Zippable = {};
  for (const entry of entries) {
    let name = `journal/${entryFileName(entry)}`;
    for (let n = 2; name in files; n++) name = `journal/${entryFileName(entry).replace(/\.md$/, `-${n}.md`)}`;
    files[name] = [strToU8(entryToMarkdown(entry, timeZone)), { level: 6 }];
  }
  return zipSync(files);
}
