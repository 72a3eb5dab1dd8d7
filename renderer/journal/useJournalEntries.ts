// The journal's entries, live from Dexie, and search over them. The search index is built and kept
// in step (only changed entries are re-sent) in a Web Worker, so a 10,000-entry journal never
// freezes the screen; until the worker has it ready, searches are answered by a linear scan.
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { JournalSearchClient, type SearchPort } from '../../shared/journal/journalSearchProtocol';
import { db } from '../state/db';

let client: JournalSearchClient | null = null;

/** The page's one search client, with its worker started on first use (or none where there are no workers). */
export function journalSearchClient(): JournalSearchClient {
  if (client) return client;
  let worker: Worker | null = null;
  if (typeof Worker === 'function') {
    try {
      worker = new Worker(new URL('./journalSearchWorker.ts', import.meta.url), {
        type: 'module',
        name: 'journal-search',
      });
    } catch {
      worker = null;
    }
  }
  const created = new JournalSearchClient(worker as unknown as SearchPort | null);
  worker?.addEventListener('error', () => created.fallBack());
  client = created;
  return created;
}

const subscribeIndexReady = (listener: () => void) => journalSearchClient().subscribe(listener);
const isIndexReady = () => journalSearchClient().indexReady;

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

export interface EntrySearch {
  /**
   * The ids of the entries found, best first, or null when there is no query. While a new query's
   * answer is on its way, the previous answer stays.
   */
  hits: string[] | null;
  /** Whether the worker's index answers (else a linear scan does). */
  indexReady: boolean;
}

export function useEntrySearch(entries: readonly JournalEntry[] | undefined, query: string): EntrySearch {
  const [hits, setHits] = useState<string[] | null>(null);
  const indexReady = useSyncExternalStore(subscribeIndexReady, isIndexReady);
  const active = Boolean(entries && query.trim());
  useEffect(() => {
    if (entries) journalSearchClient().sync(entries);
  }, [entries]);
  useEffect(() => {
    if (!active) return;
    let live = true;
    void journalSearchClient()
      .search(query)
      .then((found) => {
        if (live) setHits(found);
      });
    return () => {
      live = false;
    };
  }, [active, entries, query, indexReady]);
  return { hits: active ? hits : null, indexReady };
}
