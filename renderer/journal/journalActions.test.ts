// Journal actions against a real Dexie database (fake-indexeddb, in Node).
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testEntry } from '../../shared/journal/testEntries';
import { openLecternDb, type LecternDb } from '../state/db';
import {
  createEntry,
  deleteForever,
  importEntries,
  moveToTrash,
  purgeDay,
  purgeTrash,
  restoreEntry,
  updateEntry,
} from './journalActions';

let database: LecternDb;
beforeEach(() => {
  database = openLecternDb(`journal-test-${crypto.randomUUID()}`);
});
afterEach(() => database.delete());

describe('journal actions', () => {
  it('creates a private entry for today and updates it, normalising tags', async () => {
    const entry = await createEntry({ title: '第一次', speechIds: ['s1', 's1'] }, database);
    expect(entry).toMatchObject({
      title: '第一次',
      shared: false,
      deletedAt: null,
      mood: null,
      speechIds: ['s1'],
    });
    expect(entry.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    await updateEntry(entry.id, { body: '演讲技巧', tags: [' 开场 ', '开场', '#pace'], mood: 4 }, database);
    const stored = await database.journalEntries.get(entry.id);
    expect(stored).toMatchObject({ body: '演讲技巧', tags: ['开场', 'pace'], mood: 4 });
    expect(stored!.updatedAt >= entry.updatedAt).toBe(true);
  });

  it('refuses an invalid change and keeps what was saved', async () => {
    const entry = await createEntry({ body: 'kept' }, database);
    await expect(updateEntry(entry.id, { date: 'yesterday' }, database)).rejects.toThrow();
    expect((await database.journalEntries.get(entry.id))?.body).toBe('kept');
  });

  it('moves to the trash, restores, and deletes for good', async () => {
    const entry = await createEntry({}, database);
    await moveToTrash(entry.id, database);
    expect((await database.journalEntries.get(entry.id))?.deletedAt).toEqual(expect.any(String));
    await restoreEntry(entry.id, database);
    expect((await database.journalEntries.get(entry.id))?.deletedAt).toBeNull();
    await deleteForever(entry.id, database);
    expect(await database.journalEntries.count()).toBe(0);
  });

  it('purges only entries in the trash for more than 30 days', async () => {
    const now = new Date('2025-06-30T12:00:00.000Z');
    await database.journalEntries.bulkAdd([
      testEntry({ id: 'old', deletedAt: '2025-05-30T11:00:00.000Z' }),
      testEntry({ id: 'recent', deletedAt: '2025-06-01T00:00:00.000Z' }),
      testEntry({ id: 'live' }),
    ]);
    expect(await purgeTrash(now, database)).toBe(1);
    expect((await database.journalEntries.toCollection().primaryKeys()).sort()).toEqual(['live', 'recent']);
    expect(purgeDay('2025-06-01T00:00:00.000Z')).toMatch(/^2025-07-0[12]$/);
  });

  it('imports new entries, replaces older versions, and keeps newer local ones', async () => {
    await database.journalEntries.bulkAdd([
      testEntry({ id: 'a', body: 'old', updatedAt: '2025-01-01T00:00:00.000Z' }),
      testEntry({ id: 'b', body: 'local newer', updatedAt: '2025-09-01T00:00:00.000Z' }),
    ]);
    const result = await importEntries(
      [
        testEntry({ id: 'a', body: 'new', updatedAt: '2025-02-01T00:00:00.000Z' }),
        testEntry({ id: 'b', body: 'stale', updatedAt: '2025-01-01T00:00:00.000Z' }),
        testEntry({ id: 'c', body: 'fresh' }),
      ],
      database,
    );
    expect(result).toEqual({ added: 1, updated: 1, unchanged: 1 });
    const bodies = (await database.journalEntries.orderBy('id').toArray()).map((e) => e.body);
    expect(bodies).toEqual(['new', 'local newer', 'fresh']);
  });
});
