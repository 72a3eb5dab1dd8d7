// One journal entry as a Markdown file: YAML front matter with every field but the body, then the
// body exactly as written. Lectern's own file is read strictly; one written by hand or by another
// app imports whatever it holds (importedFields.ts). The export also writes `created` and `updated`
// as wall times, the names and form Obsidian and Joplin read, so they show an exported entry's dates.
import { parse, stringify } from 'yaml';
import { entryFromFields, type FieldContext } from './importedFields';
import { wallTime } from './importedTime';
import type { ImportNote } from './importReport';
import type { JournalEntry } from './journalEntry';

export const journalFormat = 'lectern-journal/1';

const opening = /^\uFEFF?---\r?\n/;
const closing = /^---\r?$/m;

/** `timeZone` is the computer's: the zone `created` and `updated` are written in. */
export function entryToMarkdown(entry: JournalEntry, timeZone: string): string {
  const { body } = entry;
  const fields = {
    id: entry.id,
    title: entry.title,
    date: entry.date,
    mood: entry.mood,
    tags: entry.tags,
    speechIds: entry.speechIds,
    shared: entry.shared,
    createdAt: entry.createdAt,
    updatedAt: entry.updatedAt,
    deletedAt: entry.deletedAt,
    created: wallTime(entry.createdAt, timeZone) ?? undefined,
    updated: wallTime(entry.updatedAt, timeZone) ?? undefined,
  };
  // One line per value (no folding, no block scalars) so no line of the header can look like `---`.
  const header = stringify(
    { format: journalFormat, ...fields },
    { lineWidth: 0, blockQuote: false, defaultStringType: 'PLAIN', indentSeq: true },
  );
  return `---\n${header}---\n${body}`;
}

export type ImportContext = FieldContext;

export type ParseResult =
  | { ok: true; entry: JournalEntry; note: Omit<ImportNote, 'name'> | null }
  | { ok: false; messageKey: string };

export function entryFromMarkdown(text: string, context: ImportContext, fileName = ''): ParseResult {
  const start = opening.exec(text);
  let fields: Record<string, unknown> = {};
  let body = text;
  if (start) {
    const rest = text.slice(start[0].length);
    const end = closing.exec(rest);
    if (!end) return { ok: false, messageKey: 'journal.errors.badFrontMatter' };
    try {
      const parsed: unknown = parse(rest.slice(0, end.index), { schema: 'core', logLevel: 'error' });
      if (parsed !== null && (typeof parsed !== 'object' || Array.isArray(parsed)))
        return { ok: false, messageKey: 'journal.errors.badFrontMatter' };
      fields = (parsed ?? {}) as Record<string, unknown>;
    } catch {
      return { ok: false, messageKey: 'journal.errors.badFrontMatter' };
    }
    const afterHeader = rest.slice(end.index + end[0].length);
    body = afterHeader.startsWith('\n') ? afterHeader.slice(1) : afterHeader;
  }
  if (fields.format !== undefined && fields.format !== journalFormat)
    return { ok: false, messageKey: 'journal.errors.unknownFormat' };
  return entryFromFields(fields, body, titleFromFileName(fileName), fields.format === journalFormat, context);
}

function titleFromFileName(fileName: string): string {
  const base = fileName.split('/').pop() ?? '';
  return base.replace(/\.(md|markdown|txt)$/i, '').slice(0, 500);
}
