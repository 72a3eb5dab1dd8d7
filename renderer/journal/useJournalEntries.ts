// The journal's entries, live from Dexie, and the search index kept in step with them: only the
// entries that changed since the last look are re-indexed.
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { filterEntries, type EntryFilter } from '../../shared/journal/entryFilter';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { JournalSearch } from '../../shared/journal/journalSearch';
import { db } from '../state/db';

const searchIndex = new JournalSearch();

export interface JournalEntries {
  /** Undefined while loading. */
  entries: JournalEntry[] | undefined;
  trash: JournalEntry[];
}

export function useJournalEntries(): JournalEntries {
  const all = useLiveQuery(() => db.journalEntries.toArray(), []);
  return useMemo(() => {
    if (!all) return { entries: undefined, trash: [] };
    const entries = all.filter((entry) => !entry.deletedAt);
    const trash = all
      .filter((entry) => entry.deletedAt)
      .sort((a, b) => b.deletedAt!.localeCompare(a.deletedAt!));
    return { entries, trash };
  }, [all]);
}

/** The entries the list shows: filtered, then searched (best match first) when there is a query. */
export function visibleEntries(
  entries: readonly JournalEntry[],
  query: string,
  filter: EntryFilter,
): JournalEntry[] {
  const filtered = filterEntries(entries, filter);
  if (!query.trim()) return filtered;
  searchIndex.sync(entries);
  const rank = new Map(searchIndex.search(query).map((hit, i) => [hit.id, i]));
  return filtered.filter((entry) => rank.has(entry.id)).sort((a, b) => rank.get(a.id)! - rank.get(b.id)!);
}
