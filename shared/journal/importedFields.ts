// Front matter fields, Lectern's or another app's, mapped onto an entry. Lectern's own file (one
// that names its format) must hold valid values in Lectern's fields, or it is damaged and refused;
// any other file (Obsidian properties, Joplin's "Markdown + Front Matter" export, a hand-written
// header) imports whatever it holds: names other apps use are read (`created`, `updated`, `tags` as a
// string), a value that does not fit is left out, and a field Lectern has no place for is ignored.
// Either way, every field left out is named in the import's note for the file.
import { JournalEntry, normaliseTags } from './journalEntry';
import { readImportedTime, type ImportedTime } from './importedTime';
import type { Dropped, ImportNote } from './importReport';

export interface FieldContext {
  newId: () => string;
  now: string;
  today: string;
  /** The computer's time zone: the day of a UTC time, the instant of a wall time. */
  timeZone: string;
}

export type MappedFields =
  | { ok: true; entry: JournalEntry; note: Omit<ImportNote, 'name'> | null }
  | { ok: false; messageKey: string };

const shape = JournalEntry.shape;
/** Fields copied as they are when valid. */
const plainFields = ['id', 'title', 'mood', 'speechIds', 'shared', 'deletedAt'] as const;
/** Other apps' names for a day and for instants, in the order they are tried after Lectern's own. */
const dayNames = ['date', 'created', 'creationDate'];
const createdNames = ['createdAt', 'created', 'creationDate', 'date'];
const updatedNames = ['updatedAt', 'updated', 'modified', 'modifiedDate'];
/** Names read; `body` is not one of them: the body is what follows the front matter. */
const known = new Set<string>([
  ...Object.keys(shape).filter((key) => key !== 'body'),
  ...dayNames,
  ...createdNames,
  ...updatedNames,
]);

export function entryFromFields(
  fields: Record<string, unknown>,
  body: string,
  fallbackTitle: string,
  strict: boolean,
  context: FieldContext,
): MappedFields {
  const taken: string[] = [];
  const dropped: Dropped[] = [];
  const candidate: Record<string, unknown> = { body };
  const has = (key: string) => Object.hasOwn(fields, key) && fields[key] !== undefined;
  /** A value of ours that does not fit: a damaged file of ours is refused, another app's loses it. */
  const reject = (key: string): boolean => {
    if (strict) return false;
    dropped.push({ what: key, reason: 'badValue' });
    return true;
  };

  for (const key of plainFields) {
    if (!has(key)) continue;
    if (shape[key].safeParse(fields[key]).success) {
      candidate[key] = fields[key];
      taken.push(key);
    } else if (!reject(key)) return badEntry;
  }

  if (has('tags')) {
    const tags = readTags(fields.tags);
    if (tags) {
      candidate.tags = tags;
      taken.push('tags');
    } else if (!reject('tags')) return badEntry;
  }

  if (strict) {
    for (const key of ['date', 'createdAt', 'updatedAt'] as const) {
      if (!has(key)) continue;
      if (!shape[key].safeParse(fields[key]).success) return badEntry;
      candidate[key] = fields[key];
    }
  }
  // The first name that holds a readable time wins; names holding none are left out.
  const firstTime = (names: readonly string[], pick: (time: ImportedTime) => string) => {
    for (const name of names) {
      if (!has(name)) continue;
      const time = readImportedTime(fields[name], context.timeZone);
      if (!time) continue;
      if (!taken.includes(name)) taken.push(name);
      return pick(time);
    }
    return undefined;
  };
  const created = firstTime(createdNames, (time) => time.instant);
  const found = {
    date: firstTime(dayNames, (time) => time.day),
    createdAt: created,
    updatedAt: firstTime(updatedNames, (time) => time.instant) ?? created,
  };
  for (const [key, value] of Object.entries(found)) if (value !== undefined) candidate[key] ??= value;
  for (const name of new Set([...dayNames, ...createdNames, ...updatedNames]))
    if (
      has(name) &&
      !taken.includes(name) &&
      !strict &&
      readImportedTime(fields[name], context.timeZone) === null
    )
      dropped.push({ what: name, reason: 'badValue' });

  for (const key of Object.keys(fields))
    if (!known.has(key) && key !== 'format') dropped.push({ what: key, reason: 'unknownField' });

  const undated = candidate.date === undefined;
  const result = JournalEntry.safeParse({
    id: context.newId(),
    title: fallbackTitle,
    date: context.today,
    mood: null,
    tags: [],
    speechIds: [],
    shared: false,
    createdAt: context.now,
    updatedAt: context.now,
    deletedAt: null,
    ...candidate,
  });
  if (!result.success) return badEntry;
  const entry = result.data;
  const quiet = strict && dropped.length === 0;
  return {
    ok: true,
    entry,
    note: quiet
      ? null
      : {
          entryId: entry.id,
          title: entry.title,
          date: entry.date,
          taken,
          dropped,
          ...(undated && { undated }),
        },
  };
}

const badEntry = { ok: false, messageKey: 'journal.errors.badEntry' } as const;

/** Tags as a list (Lectern, Joplin, Obsidian) or one string (`tags: speech`, `tags: a, b`); null when neither. */
function readTags(value: unknown): string[] | null {
  const items = typeof value === 'string' ? value.split(/[,\s]+/) : value;
  if (!Array.isArray(items)) return value === null ? [] : null;
  if (!items.every((item) => typeof item === 'string' || typeof item === 'number')) return null;
  return normaliseTags(items.map(String));
}
