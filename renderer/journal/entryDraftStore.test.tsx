// Autosave: the crash buffer is written at once, the database after the pause, and a buffer left by
// a session that ended before its save is recovered on the next start.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { testEntry } from '../../shared/journal/testEntries';
import { db } from '../state/db';
import {
  autosaveDelayMs,
  editDraft,
  flushDraft,
  openDraft,
  recoverDrafts,
  useDraftStore,
} from './entryDraftStore';

beforeEach(async () => {
  localStorage.clear();
  await db.journalEntries.clear();
  await db.journalEntries.add(testEntry({ id: 'e1', title: 'before', body: '' }));
});
afterEach(async () => {
  openDraft(null);
  await flushDraft();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('entry draft autosave', () => {
  it('buffers every change at once and saves it after a pause', async () => {
    openDraft((await db.journalEntries.get('e1'))!);
    vi.useFakeTimers();
    editDraft({ body: '今天的演讲' });
    expect(useDraftStore.getState().status).toBe('unsaved');
    expect(JSON.parse(localStorage.getItem('lectern.journal.draft.e1')!).body).toBe('今天的演讲');
    expect((await db.journalEntries.get('e1'))!.body).toBe('');
    await vi.advanceTimersByTimeAsync(autosaveDelayMs + 10);
    vi.useRealTimers();
    await flushDraft();
    expect((await db.journalEntries.get('e1'))!.body).toBe('今天的演讲');
    expect(useDraftStore.getState().status).toBe('saved');
    expect(localStorage.getItem('lectern.journal.draft.e1')).toBeNull();
  });

  it('recovers a buffer the database never got (a reload before the save)', async () => {
    localStorage.setItem(
      'lectern.journal.draft.e1',
      JSON.stringify({
        title: 'after',
        body: '没保存的字',
        date: '2025-03-01',
        mood: 3,
        tags: ['x'],
        speechIds: [],
      }),
    );
    expect(await recoverDrafts()).toBe(1);
    expect(await db.journalEntries.get('e1')).toMatchObject({ title: 'after', body: '没保存的字', mood: 3 });
    expect(localStorage.length).toBe(0);
  });

  it('keeps a crash buffer whose save failed, and saves it on a later start', async () => {
    const buffer = JSON.stringify({
      title: 'after',
      body: '磁盘满了也不能丢',
      date: '2025-03-01',
      mood: 3,
      tags: [],
      speechIds: [],
    });
    localStorage.setItem('lectern.journal.draft.e1', buffer);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const put = vi
      .spyOn(db.journalEntries, 'put')
      .mockRejectedValueOnce(new DOMException('full', 'QuotaExceededError'));
    expect(await recoverDrafts()).toBe(0);
    expect(localStorage.getItem('lectern.journal.draft.e1')).toBe(buffer);
    expect((await db.journalEntries.get('e1'))!.title).toBe('before');
    put.mockRestore();
    expect(await recoverDrafts()).toBe(1);
    expect((await db.journalEntries.get('e1'))!.body).toBe('磁盘满了也不能丢');
    expect(localStorage.getItem('lectern.journal.draft.e1')).toBeNull();
  });

  it('keeps a crash buffer the database refuses (an invalid draft), rather than deleting the words', async () => {
    const buffer = JSON.stringify({
      title: 'after',
      body: '字',
      date: 'not a date',
      mood: 3,
      tags: [],
      speechIds: [],
    });
    localStorage.setItem('lectern.journal.draft.e1', buffer);
    vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await recoverDrafts()).toBe(0);
    expect(localStorage.getItem('lectern.journal.draft.e1')).toBe(buffer);
  });

  it('keeps a newer buffer written while the old one was being saved', async () => {
    const draft = { title: 'old', body: '', date: '2025-03-01', mood: null, tags: [], speechIds: [] };
    localStorage.setItem('lectern.journal.draft.e1', JSON.stringify(draft));
    const newer = JSON.stringify({ ...draft, title: 'newer' });
    const put = db.journalEntries.put.bind(db.journalEntries);
    vi.spyOn(db.journalEntries, 'put').mockImplementationOnce((...args) => {
      localStorage.setItem('lectern.journal.draft.e1', newer);
      return put(...args);
    });
    expect(await recoverDrafts()).toBe(1);
    expect(localStorage.getItem('lectern.journal.draft.e1')).toBe(newer);
  });

  it('opens an entry with its pending buffer rather than the older saved text', async () => {
    localStorage.setItem(
      'lectern.journal.draft.e1',
      JSON.stringify({
        title: 'buffered',
        body: '',
        date: '2025-03-01',
        mood: null,
        tags: [],
        speechIds: [],
      }),
    );
    openDraft((await db.journalEntries.get('e1'))!);
    expect(useDraftStore.getState().draft?.title).toBe('buffered');
    await vi.waitFor(async () => expect((await db.journalEntries.get('e1'))!.title).toBe('buffered'));
  });
});
