// The renderer's local database. Each feature declares its own tables (journal/journalTables.ts, …);
// this file composes them into numbered versions. A schema change is a new version with its upgrade,
// never an edit of a released one: members' data from every earlier release must open.
import Dexie, { type EntityTable } from 'dexie';
import type { Profile } from '../../shared/domain/profile';
import { journalStores, type JournalTables } from '../journal/journalTables';

interface CoreTables {
  profiles: EntityTable<Profile, 'id'>;
}

export type LecternDb = Dexie & CoreTables & JournalTables;

export function openLecternDb(name = 'lectern'): LecternDb {
  const db = new Dexie(name) as LecternDb;
  db.version(1).stores({ profiles: 'id' });
  db.version(2).stores({ ...journalStores });
  return db;
}

export const db = openLecternDb();
