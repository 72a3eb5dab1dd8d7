// What the journal does when it opens and closes: saves crash buffers left by an earlier session,
// empties the trash of entries older than 30 days, and saves the open draft on leaving (screen or page).
// Also its keyboard: Ctrl/⌘+N for a new entry and Ctrl/⌘+F for search, only while it is showing.
import { useHotkeys } from '@mantine/hooks';
import { useEffect, type RefObject } from 'react';
import { reportError } from '../shell/reportError';
import { flushDraft, recoverDrafts } from './entryDraftStore';
import { purgeTrash } from './journalActions';
import { startEntry } from './NewEntryMenu';

export function useJournalLifecycle(searchRef: RefObject<HTMLInputElement | null>): void {
  useEffect(() => {
    void recoverDrafts()
      .then(() => purgeTrash())
      .catch(reportError);
    const save = () => void flushDraft();
    window.addEventListener('pagehide', save);
    return () => {
      window.removeEventListener('pagehide', save);
      save();
    };
  }, []);

  useHotkeys(
    [
      ['mod+N', () => void startEntry()],
      [
        'mod+F',
        () => {
          searchRef.current?.focus();
          searchRef.current?.select();
        },
      ],
    ],
    [],
  );
}
