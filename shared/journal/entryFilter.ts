// Which entries the list shows: by tag, mood and date range, newest first or in the search's order;
// and the tags in use.
import type { JournalEntry, Mood } from './journalEntry';

export interface EntryFilter {
  tag: string | null;
  mood: Mood | null;
  from: string | null;
  to: string | null;
}

export const noFilter: EntryFilter = { tag: null, mood: null, from: null, to: null };

export function matchesFilter(entry: JournalEntry, filter: EntryFilter): boolean {
  if (filter.tag && !entry.tags.some((tag) => tag.toLowerCase() === filter.tag!.toLowerCase())) return false;
  if (filter.mood !== null && entry.mood !== filter.mood) return false;
  if (filter.from && entry.date < filter.from) return false;
  if (filter.to && entry.date > filter.to) return false;
  return true;
}

/** Newest day first; within a day, the most recently written first. */
export function byNewest(a: JournalEntry, b: JournalEntry): number {
  return a.date === b.date ? b.createdAt.localeCompare(a.createdAt) : b.date.localeCompare(a.date);
}

export function filterEntries(entries: readonly JournalEntry[], filter: EntryFilter): JournalEntry[] {
  return entries.filter((entry) => matchesFilter(entry, filter)).sort(byNewest);
}

/**
 * The entries the list shows: filtered, newest first, or in the order of the search hits when there
 * are any (a walk down the hits: 10,000 of them sorted by rank took longer than the search).
 */
export function visibleEntries(
  entries: readonly JournalEntry[],
  hits: readonly string[] | null,
  filter: EntryFilter,
): JournalEntry[] {
  if (!hits) return filterEntries(entries, filter);
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  const shown: JournalEntry[] = [];
  for (const id of hits) {
    const entry = byId.get(id);
    if (entry && matchesFilter(entry, filter)) shown.push(entry);
  }
  return shown;
}

/** Tags with how many entries carry them, most used first. */
export function tagCounts(entries: readonly JournalEntry[]): { tag: string; count: number }[] {
  const counts = new Map<string, { tag: string; count: number }>();
  for (const entry of entries) {
    for (const tag of entry.tags) {
      const key = tag.toLowerCase();
      const found = counts.get(key);
      if (found) found.count++;
      else counts.set(key, { tag, count: 1 });
    }
  }
  return [...counts.values()].sort((a, b) => b.count - a.count || a.tag.localeCompare(b.tag));
}
