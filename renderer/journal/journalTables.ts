// The journal's tables in the local database (owned by the journal feature; db.ts composes them).
import type { EntityTable } from 'dexie';

export interface JournalEntryRecord {
  id: string;
  title: string;
  body: string;
  createdAt: string;
  updatedAt: string;
}

export const journalStores = {
  journalEntries: 'id, createdAt, updatedAt',
} as const;

export interface JournalTables {
  journalEntries: EntityTable<JournalEntryRecord, 'id'>;
}
