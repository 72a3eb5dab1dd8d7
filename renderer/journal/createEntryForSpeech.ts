// "Reflect now" after a recording: a new entry linked to that speech, started from the template the
// member chose for it (in their language), opened in the journal. The record screen calls this.
import i18next from 'i18next';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import type { LecternDb } from '../state/db';
import { navigate } from '../state/uiStore';
import { createEntry } from './journalActions';
import { selectEntry } from './journalStore';
import { reflectTemplateBody } from './journalTemplates';

export async function createEntryForSpeech(
  speechId: string,
  title: string,
  database?: LecternDb,
): Promise<JournalEntry> {
  const entry = await createEntry(
    {
      title: i18next.t('journal.reflectionOn', { title }),
      body: await reflectTemplateBody(i18next.t, database),
      speechIds: [speechId],
    },
    database,
  );
  selectEntry(entry.id);
  navigate('journal');
  return entry;
}
