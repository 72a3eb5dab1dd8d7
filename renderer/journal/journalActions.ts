// Everything that changes the journal in the local database: entries, trash, import. Each action
// validates with the shared schema, so nothing malformed is ever stored.
import { JournalEntry, newJournalEntry, normaliseTags, trashDays } from '../../shared/journal/journalEntry';
import { addDays, localDay } from '../../shared/journal/localDay';
import { db, type LecternDb } from '../state/db';

export type EntryChanges = Partial<
  Pick<JournalEntry, 'title' | 'body' | 'date' | 'mood' | 'tags' | 'speechIds'>
>;

export interface NewEntryFields {
  title?: string;
  body?: string;
  tags?: string[];
  speechIds?: string[];
  date?: string;
}

export async function createEntry(
  fields: NewEntryFields = {},
  database: LecternDb = db,
): Promise<JournalEntry> {
  const now = new Date();
  const entry = newJournalEntry({
    id: crypto.randomUUID(),
    now: now.toISOString(),
    date: fields.date ?? localDay(now),
    ...fields,
  });
  await database.journalEntries.add(JournalEntry.parse(entry));
  return entry;
}

export async function updateEntry(
  id: string,
  changes: EntryChanges,
  database: LecternDb = db,
): Promise<void> {
  await database.transaction('rw', database.journalEntries, async () => {
    const existing = await database.journalEntries.get(id);
    if (!existing) return;
    const next = { ...existing, ...changes, updatedAt: new Date().toISOString() };
    if (changes.tags) next.tags = normaliseTags(changes.tags);
    await database.journalEntries.put(JournalEntry.parse(next));
  });
}

/** Marks an entry as shared with a group (after it was written to the group folder). */
export async function markShared(id: string, database: LecternDb = db): Promise<void> {
  await database.journalEntries.update(id, { shared: true, updatedAt: new Date().toISOString() });
}

export async function moveToTrash(id: string, database: LecternDb = db): Promise<void> {
  await database.journalEntries.update(id, { deletedAt: new Date().toISOString() });
}

export async function restoreEntry(id: string, database: LecternDb = db): Promise<void> {
  await database.journalEntries.update(id, { deletedAt: null });
}

export async function deleteForever(id: string, database: LecternDb = db): Promise<void> {
  await database.journalEntries.delete(id);
}

/** Removes entries that have been in the trash for more than {@link trashDays} days. */
export async function purgeTrash(now = new Date(), database: LecternDb = db): Promise<number> {
  const cutoff = new Date(now.getTime() - trashDays * 86_400_000).toISOString();
  return database.journalEntries.where('deletedAt').below(cutoff).delete();
}

/** The day an entry leaves the trash for good. */
export function purgeDay(deletedAt: string): string {
  return addDays(localDay(deletedAt), trashDays);
}

export interface ImportResult {
  added: number;
  updated: number;
  unchanged: number;
}

/** Adds imported entries; an entry already here is replaced only by a newer version of itself. */
export async function importEntries(
  entries: readonly JournalEntry[],
  database: LecternDb = db,
): Promise<ImportResult> {
  const result: ImportResult = { added: 0, updated: 0, unchanged: 0 };
  await database.transaction('rw', database.journalEntries, async () => {
    const existing = await database.journalEntries.bulkGet(entries.map((entry) => entry.id));
    const writes: JournalEntry[] = [];
    entries.forEach((entry, i) => {
      const current = existing[i];
      if (!current) result.added++;
      else if (entry.updatedAt > current.updatedAt) result.updated++;
      else return void result.unchanged++;
      writes.push(JournalEntry.parse(entry));
    });
    await database.journalEntries.bulkPut(writes);
  });
  return result;
}
