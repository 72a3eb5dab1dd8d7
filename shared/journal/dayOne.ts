// Day One's JSON export (`Journal.json` in its zip: `{ metadata, entries: [...] }`) as journal
// entries. Each entry keeps its uuid as its id (so importing the same export again changes nothing),
// its Markdown text (see dayOneText.ts), its tags, and the day of its `creationDate` in its own
// `timeZone`. Its audio attachments (`audios/<md5>.<format>` beside the JSON) are named for the caller
// to read and turn into speeches; every other attachment reference is taken out and reported.
import { z } from 'zod';
import { dayOneText } from './dayOneText';
import type { FieldContext } from './importedFields';
import { knownTimeZone, readImportedTime } from './importedTime';
import type { Dropped, ImportNote } from './importReport';
import { JournalEntry, normaliseTags } from './journalEntry';

/** An audio attachment to import as a speech linked to `entryId`. */
export interface DayOneAudio {
  entryId: string;
  /** Its path in the zip. */
  path: string;
  identifier: string;
}

export type DayOneRead =
  | {
      ok: true;
      entries: JournalEntry[];
      notes: Omit<ImportNote, 'name'>[];
      audios: DayOneAudio[];
      /** Positions (from 1) of entries too damaged to read; the others import. */
      damaged: number[];
    }
  | { ok: false; failure: { messageKey: string; values?: { files: number; maxFiles: number } } };

const Audio = z.object({
  identifier: z.string().max(100),
  md5: z.string().regex(/^[0-9a-fA-F]{32}$/),
  format: z.string().regex(/^[A-Za-z0-9]{1,8}$/),
});

const Entry = z.object({
  uuid: z.string().min(1).max(100).optional(),
  text: z.string().default(''),
  creationDate: z.string().optional(),
  modifiedDate: z.string().optional(),
  timeZone: z.string().optional(),
  tags: z.array(z.unknown()).optional(),
  audios: z.array(z.unknown()).optional(),
});

const Journal = z.object({ entries: z.array(z.unknown()) });

/** Fields read above, and Day One's bookkeeping, which says nothing a reader would miss. */
const silent = new Set([
  ...Object.keys(Entry.shape),
  'richText',
  'duration',
  'editingTime',
  'isAllDay',
  'isPinned',
  'creationDevice',
  'creationDeviceType',
  'creationDeviceModel',
  'creationOSName',
  'creationOSVersion',
  'sourceString',
  // Their references in the text are reported one by one.
  'photos',
  'videos',
  'pdfAttachments',
]);

/**
 * `audioFiles` maps the lower-cased file names in the zip's `audios/` folders to their paths; `maxEntries`
 * is what the import has left. A file that is not Day One's JSON, or holds more entries, is refused.
 */
export function readDayOneJournal(
  text: string,
  audioFiles: ReadonlyMap<string, string>,
  maxEntries: number,
  context: FieldContext,
): DayOneRead {
  let journal: z.infer<typeof Journal>;
  try {
    const parsed = Journal.safeParse(JSON.parse(text));
    if (!parsed.success) return notDayOne;
    journal = parsed.data;
  } catch {
    return notDayOne;
  }
  const count = journal.entries.length;
  if (count > maxEntries)
    return {
      ok: false,
      failure: { messageKey: 'journal.errors.tooManyDayOne', values: { files: count, maxFiles: maxEntries } },
    };
  const read: DayOneRead & { ok: true } = { ok: true, entries: [], notes: [], audios: [], damaged: [] };
  for (const [i, raw] of journal.entries.entries()) {
    const parsed = Entry.safeParse(raw);
    if (!parsed.success) {
      read.damaged.push(i + 1);
      continue;
    }
    const { entry, note, audios } = readEntry(
      parsed.data,
      raw as Record<string, unknown>,
      audioFiles,
      context,
    );
    read.entries.push(entry);
    read.notes.push(note);
    read.audios.push(...audios);
  }
  return read;
}

const notDayOne = { ok: false, failure: { messageKey: 'journal.errors.notDayOne' } } as const;

function readEntry(
  fields: z.infer<typeof Entry>,
  raw: Record<string, unknown>,
  audioFiles: ReadonlyMap<string, string>,
  context: FieldContext,
) {
  const taken: string[] = ['text'];
  const dropped: Dropped[] = [];
  const id = fields.uuid ?? context.newId();
  const ownZone = knownTimeZone(fields.timeZone);
  const timeZone = ownZone ?? context.timeZone;
  const created = readImportedTime(fields.creationDate, timeZone);
  const modified = readImportedTime(fields.modifiedDate, timeZone);
  const readable = { timeZone: ownZone, creationDate: created, modifiedDate: modified };
  for (const [key, ok] of Object.entries(readable)) {
    if (fields[key as keyof typeof readable] === undefined) continue;
    if (ok) taken.push(key);
    else dropped.push({ what: key, reason: 'badValue' });
  }
  const tags = normaliseTags((fields.tags ?? []).filter((tag): tag is string => typeof tag === 'string'));
  if (tags.length) taken.push('tags');

  const audios: DayOneAudio[] = [];
  for (const item of fields.audios ?? []) {
    const audio = Audio.safeParse(item);
    if (!audio.success) continue;
    const name = `${audio.data.md5}.${audio.data.format}`.toLowerCase();
    const path = audioFiles.get(name);
    if (path) {
      audios.push({ entryId: id, path, identifier: audio.data.identifier });
      taken.push(path);
    }
  }
  const { markdown, moments } = dayOneText(fields.text);
  const imported = new Set(audios.map((audio) => audio.identifier));
  for (const reference of moments)
    if (!imported.has(reference.identifier))
      dropped.push({ what: reference.url, reason: 'missingAttachment' });
  for (const key of Object.keys(raw))
    if (!silent.has(key)) dropped.push({ what: key, reason: 'unknownField' });

  const { title, body } = splitTitle(markdown);
  const entry = JournalEntry.parse({
    id,
    title,
    body,
    date: created?.day ?? context.today,
    mood: null,
    tags,
    speechIds: [],
    shared: false,
    createdAt: created?.instant ?? context.now,
    updatedAt: modified?.instant ?? created?.instant ?? context.now,
    deletedAt: null,
  });
  const note = { entryId: id, title, date: entry.date, taken, dropped, ...(!created && { undated: true }) };
  return { entry, note, audios };
}

/** Day One shows an entry's first line as its title; a first line that is a heading becomes Lectern's. */
function splitTitle(markdown: string): { title: string; body: string } {
  const heading = /^#{1,6}[ \t]+(.+?)[ \t#]*(?:\n+|$)/.exec(markdown);
  if (!heading || heading[1]!.length > 500) return { title: '', body: markdown };
  return { title: heading[1]!, body: markdown.slice(heading[0].length) };
}
