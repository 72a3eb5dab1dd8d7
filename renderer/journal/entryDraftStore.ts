// Autosave for the open entry. Every keystroke goes at once into a synchronous crash buffer
// (localStorage) and, after a pause, into the database; on the next start, a buffer the database
// never got is saved first. So nothing typed is lost on a reload or a crash.
import { create } from 'zustand';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { updateEntry, type EntryChanges } from './journalActions';

export type SaveStatus = 'saved' | 'saving' | 'unsaved' | 'failed';

type Draft = Required<EntryChanges>;

interface DraftState {
  entryId: string | null;
  draft: Draft | null;
  status: SaveStatus;
}

export const autosaveDelayMs = 600;
const bufferPrefix = 'lectern.journal.draft.';

export const useDraftStore = create<DraftState>(() => ({ entryId: null, draft: null, status: 'saved' }));

let timer: ReturnType<typeof setTimeout> | undefined;
let pending: Promise<void> = Promise.resolve();

function toDraft(entry: JournalEntry): Draft {
  const { title, body, date, mood, tags, speechIds } = entry;
  return { title, body, date, mood, tags, speechIds };
}

function readBuffer(id: string): Draft | null {
  try {
    const raw = localStorage.getItem(bufferPrefix + id);
    return raw ? (JSON.parse(raw) as Draft) : null;
  } catch {
    return null;
  }
}

/** Opens an entry for editing, saving what is pending for the one before. */
export function openDraft(entry: JournalEntry | null): void {
  const { entryId } = useDraftStore.getState();
  if (entry?.id === entryId) return;
  void flushDraft();
  if (!entry) return useDraftStore.setState({ entryId: null, draft: null, status: 'saved' });
  const buffered = readBuffer(entry.id);
  useDraftStore.setState({
    entryId: entry.id,
    draft: buffered ?? toDraft(entry),
    status: buffered ? 'unsaved' : 'saved',
  });
  if (buffered) scheduleSave(0);
}

export function editDraft(changes: EntryChanges): void {
  const { entryId, draft } = useDraftStore.getState();
  if (!entryId || !draft) return;
  const next = { ...draft, ...changes };
  useDraftStore.setState({ draft: next, status: 'unsaved' });
  try {
    localStorage.setItem(bufferPrefix + entryId, JSON.stringify(next));
  } catch {
    // A full or unavailable localStorage only loses the crash buffer; the debounced save still runs.
  }
  scheduleSave(autosaveDelayMs);
}

function scheduleSave(delay: number): void {
  clearTimeout(timer);
  timer = setTimeout(() => void flushDraft(), delay);
}

/** Saves the open draft now (after a pause, on switching entries, on leaving the screen). */
export function flushDraft(): Promise<void> {
  clearTimeout(timer);
  const { entryId, draft, status } = useDraftStore.getState();
  if (!entryId || !draft || status === 'saved') return pending;
  useDraftStore.setState({ status: 'saving' });
  pending = pending
    .then(() => updateEntry(entryId, draft))
    .then(
      () => {
        const now = useDraftStore.getState();
        if (now.draft === draft) localStorage.removeItem(bufferPrefix + entryId);
        if (now.entryId === entryId && now.draft === draft) useDraftStore.setState({ status: 'saved' });
      },
      (error: unknown) => {
        console.error(error);
        if (useDraftStore.getState().entryId === entryId) useDraftStore.setState({ status: 'failed' });
      },
    );
  return pending;
}

/**
 * Saves every crash buffer left by an earlier session into the database. A buffer is removed only
 * once its save succeeded, and only if nobody wrote a newer one meanwhile; one that cannot be read
 * or saved now stays for the next start (and still opens with its entry).
 */
export async function recoverDrafts(): Promise<number> {
  const ids: string[] = [];
  for (let i = 0; i < localStorage.length; i++) {
    const key = localStorage.key(i);
    if (key?.startsWith(bufferPrefix)) ids.push(key.slice(bufferPrefix.length));
  }
  let recovered = 0;
  for (const id of ids) {
    if (id === useDraftStore.getState().entryId) continue;
    const raw = localStorage.getItem(bufferPrefix + id);
    const draft = readBuffer(id);
    if (!draft) continue;
    try {
      await updateEntry(id, draft);
    } catch (error) {
      console.error(error);
      continue;
    }
    recovered++;
    // The entry may have been opened and edited while the save ran: keep that newer buffer.
    if (localStorage.getItem(bufferPrefix + id) === raw) localStorage.removeItem(bufferPrefix + id);
  }
  return recovered;
}
