// The journal search index lives in a Web Worker so that building it (seconds for 10,000 entries)
// never freezes the screen. This is the message protocol and both ends of it, free of the platform:
// `createSearchServer` is the worker's side (renderer/journal/journalSearchWorker.ts wires it to
// `self`), `JournalSearchClient` the page's. The page sends only what changed (by updatedAt), and
// answers with a linear scan until the worker reports the first index built, so search always works.
// An answer is the found ids, best first: a list of strings crosses postMessage in well under a
// millisecond, where 10,000 hit objects took ten.
import type { JournalEntry } from './journalEntry';
import { JournalSearch, linearSearch, syncChange, type SearchDocument } from './journalSearch';

export type SearchRequest =
  | { type: 'sync'; generation: number; upserts: SearchDocument[]; removals: string[] }
  | { type: 'search'; requestId: number; query: string };

export type SearchReply =
  | { type: 'synced'; generation: number; size: number; ms: number }
  | { type: 'hits'; requestId: number; ids: string[] }
  | { type: 'failed'; requestId: number | null; message: string };

/** The worker's side: applies syncs to one index and answers searches, in the order they came. */
export function createSearchServer(
  reply: (message: SearchReply) => void,
  now: () => number = () => Date.now(),
): (message: SearchRequest) => void {
  const index = new JournalSearch();
  let size = 0;
  return (message) => {
    try {
      if (message.type === 'sync') {
        const started = now();
        index.apply(message.upserts, message.removals);
        size = index.size;
        reply({ type: 'synced', generation: message.generation, size, ms: now() - started });
      } else {
        const ids = index.search(message.query).map((hit) => hit.id);
        reply({ type: 'hits', requestId: message.requestId, ids });
      }
    } catch (error) {
      reply({
        type: 'failed',
        requestId: message.type === 'search' ? message.requestId : null,
        message: error instanceof Error ? error.message : String(error),
      });
    }
  };
}

/** What the client needs of a Worker (or of anything posting in both directions, for tests). */
export interface SearchPort {
  postMessage(message: SearchRequest): void;
  onmessage: ((event: { data: SearchReply }) => void) | null;
  terminate?(): void;
}

/** Syncs with more new or changed entries than this are answered by scans while they build. */
const bigSyncSize = 500;

interface Pending {
  query: string;
  resolve: (ids: string[]) => void;
}

function scan(entries: readonly JournalEntry[], query: string): string[] {
  return linearSearch(entries, query).map((hit) => hit.id);
}

/** The page's side: keeps the worker's index in step with the entries and asks it, or scans. */
export class JournalSearchClient {
  private readonly versions = new Map<string, string>();
  private documents: readonly JournalEntry[] = [];
  private readonly pending = new Map<number, Pending>();
  private generation = 0;
  private nextRequest = 1;
  private ready = false;
  /** A sync too big to wait for (an import, the first load after an empty journal), until done. */
  private bigSync: number | null = null;
  private readonly listeners = new Set<() => void>();
  /** How long the worker took for its last full build (the first sync, or a big one), once known. */
  buildMs: number | null = null;

  constructor(private port: SearchPort | null) {
    if (port) port.onmessage = (event) => this.receive(event.data);
  }

  /** True once the worker has built the index; until then searches are linear scans. */
  get indexReady(): boolean {
    return this.ready && this.bigSync === null;
  }

  /** Calls the listener whenever `indexReady` changes; returns the unsubscribe. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  /** Sends the worker the entries that changed since the last sync (all of them the first time). */
  sync(entries: readonly JournalEntry[]): void {
    this.documents = entries;
    if (!this.port) return;
    const change = syncChange(this.versions, entries);
    if (change.upserts.length === 0 && change.removals.length === 0 && this.generation > 0) return;
    this.generation++;
    const wasReady = this.indexReady;
    if (change.upserts.length > bigSyncSize) this.bigSync = this.generation;
    this.post({ type: 'sync', generation: this.generation, ...change });
    this.notifyIf(wasReady);
  }

  /** The ids found for a query, best first: from the worker's index once built, else by linear scan. */
  search(query: string): Promise<string[]> {
    if (!this.port || !this.indexReady) return Promise.resolve(scan(this.documents, query));
    const requestId = this.nextRequest++;
    return new Promise((resolve) => {
      this.pending.set(requestId, { query, resolve });
      this.post({ type: 'search', requestId, query });
    });
  }

  /** Stops the worker; later searches scan. */
  close(): void {
    this.port?.terminate?.();
    this.fallBack();
  }

  /** The worker failed (it did not load, or threw): answer everything by linear scan from now on. */
  fallBack(): void {
    const wasReady = this.indexReady;
    if (this.port) this.port.onmessage = null;
    this.port = null;
    this.ready = false;
    this.bigSync = null;
    for (const { query, resolve } of this.pending.values()) resolve(scan(this.documents, query));
    this.pending.clear();
    this.notifyIf(wasReady);
  }

  private notifyIf(wasReady: boolean): void {
    if (wasReady !== this.indexReady) for (const listener of this.listeners) listener();
  }

  private post(message: SearchRequest): void {
    try {
      this.port?.postMessage(message);
    } catch {
      this.fallBack();
    }
  }

  private receive(message: SearchReply): void {
    if (message.type === 'synced') {
      const wasReady = this.indexReady;
      if (!this.ready || message.generation === this.bigSync) this.buildMs = message.ms;
      this.ready = true;
      if (this.bigSync !== null && message.generation >= this.bigSync) this.bigSync = null;
      this.notifyIf(wasReady);
    } else if (message.type === 'hits') {
      const request = this.pending.get(message.requestId);
      this.pending.delete(message.requestId);
      request?.resolve(message.ids);
    } else if (message.requestId === null) {
      this.fallBack();
    } else {
      const request = this.pending.get(message.requestId);
      this.pending.delete(message.requestId);
      if (request) request.resolve(scan(this.documents, request.query));
    }
  }
}
