// One journal entry as a Markdown file: YAML front matter with every field but the body, then the
// body exactly as written. Parsing is strict about our own fields and lenient about a missing one,
// so a file written by hand or by another app still imports.
import { parse, stringify } from 'yaml';
import { JournalEntry, normaliseTags } from './journalEntry';

export const journalFormat = 'lectern-journal/1';

const opening = /^\uFEFF?---\r?\n/;
const closing = /^---\r?$/m;

export function entryToMarkdown(entry: JournalEntry): string {
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
  };
  // One line per value (no folding, no block scalars) so no line of the header can look like `---`.
  const header = stringify(
    { format: journalFormat, ...fields },
    { lineWidth: 0, blockQuote: false, defaultStringType: 'PLAIN', indentSeq: true },
  );
  return `---\n${header}---\n${body}`;
}

export interface ImportContext {
  /** A fresh id for a file that has none. */
  newId: () => string;
  now: string;
  today: string;
}

export type ParseResult = { ok: true; entry: JournalEntry } | { ok: false; messageKey: string };

export function entryFromMarkdown(text: string, context: ImportContext, fileName = ''): ParseResult {
  const start = opening.exec(text);
  let fields: Record<string, unknown> = {};
  let body = text;
  if (start) {
    const rest = text.slice(start[0].length);
    const end = closing.exec(rest);
    if (!end) return { ok: false, messageKey: 'journal.errors.badFrontMatter' };
    try {
      const parsed: unknown = parse(rest.slice(0, end.index), { schema: 'core' });
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
  const { format: _format, ...entryFields } = fields;
  const candidate: Record<string, unknown> = {
    id: context.newId(),
    title: titleFromFileName(fileName),
    date: context.today,
    mood: null,
    tags: [],
    speechIds: [],
    shared: false,
    createdAt: context.now,
    updatedAt: context.now,
    deletedAt: null,
    ...entryFields,
    body,
  };
  if (Array.isArray(candidate.tags)) candidate.tags = normaliseTags(candidate.tags.map(String));
  const result = JournalEntry.safeParse(candidate);
  return result.success
    ? { ok: true, entry: result.data }
    : { ok: false, messageKey: 'journal.errors.badEntry' };
}

function titleFromFileName(fileName: string): string {
  const base = fileName.split('/').pop() ?? '';
  return base.replace(/\.(md|markdown|txt)$/i, '').slice(0, 500);
}
