// The journal's tables in the local database (owned by the journal feature; db.ts composes them).
// Entries are the shared JournalEntry shape; templates are the member's own reflection templates.
import type { EntityTable } from 'dexie';
import type { JournalEntry } from '../../shared/journal/journalEntry';

export type JournalEntryRecord = JournalEntry;

export interface JournalTemplateRecord {
  id: string;
  name: string;
  body: string;
  createdAt: string;
}

export const journalStores = {
  journalEntries: 'id, date, updatedAt, deletedAt, *tags, *speechIds',
  journalTemplates: 'id, createdAt',
} as const;

export interface JournalTables {
  journalEntries: EntityTable<JournalEntryRecord, 'id'>;
  journalTemplates: EntityTable<JournalTemplateRecord, 'id'>;
}
