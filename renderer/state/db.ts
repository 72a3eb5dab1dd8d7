// The renderer's local database. Every schema change is a new version() with its upgrade, never an
// edit of an old one: members' data from every earlier release must open.
import Dexie, { type EntityTable } from 'dexie';
import type { Profile } from '../../shared/domain/profile';

export class LecternDb extends Dexie {
  profiles!: EntityTable<Profile, 'id'>;

  constructor(name = 'lectern') {
    super(name);
    this.version(1).stores({ profiles: 'id' });
  }
}

export const db = new LecternDb();
