// Day One audio attachments become speeches in the library, imported as any audio file is
// (renderer/library/importSpeech.ts), and linked to their entries. An entry already in the journal
// (the same export imported again) keeps its links, and its audio is not imported a second time; an
// attachment that is not audio Lectern can read is left out and said in its entry's note.
import type { ImportNote } from '../../shared/journal/importReport';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { importSpeech } from '../library/importSpeech';
import { trackImport } from '../library/speechesStore';
import { db, type LecternDb } from '../state/db';
import type { AudioFile } from './journalImportProtocol';

export interface AudioOutcome {
  entries: JournalEntry[];
  speeches: number;
}

export async function importEntryAudio(
  entries: readonly JournalEntry[],
  notes: readonly ImportNote[],
  audios: readonly AudioFile[],
  onProgress: (done: number, total: number) => void,
  database: LecternDb = db,
): Promise<AudioOutcome> {
  if (audios.length === 0) return { entries: [...entries], speeches: 0 };
  const withAudio = new Set(audios.map((audio) => audio.entryId));
  const stored = await database.journalEntries.bulkGet(entries.map((entry) => entry.id));
  const known = new Set(stored.flatMap((entry) => (entry ? [entry.id] : [])));
  // An entry imported before keeps the speeches its audio became then.
  const linked = entries.map((entry, i) =>
    withAudio.has(entry.id)
      ? { ...entry, speechIds: [...new Set([...(stored[i]?.speechIds ?? []), ...entry.speechIds])] }
      : entry,
  );
  const byId = new Map(linked.map((entry) => [entry.id, entry]));
  const noteOf = new Map(notes.map((note) => [note.entryId, note]));
  let speeches = 0;
  for (const [i, audio] of audios.entries()) {
    onProgress(i, audios.length);
    const entry = byId.get(audio.entryId);
    if (!entry || known.has(entry.id)) continue;
    const extension = audio.file.name.split('.').pop();
    // Named after its entry: the library shows this, not Day One's checksum.
    const file = new File([audio.file], `${entry.title || entry.date}.${extension}`);
    const key = `journal-${audio.path}-${i}`;
    try {
      trackImport({ key, name: file.name, fraction: 0 });
      const speech = await importSpeech(file, (fraction) =>
        trackImport({ key, name: file.name, fraction: Math.min(fraction, 0.999) }),
      );
      entry.speechIds.push(speech.id);
      speeches++;
    } catch {
      const note = noteOf.get(entry.id);
      if (note) {
        note.taken = note.taken.filter((path) => path !== audio.path);
        note.dropped.push({ what: audio.path, reason: 'audioUnreadable' });
      }
    } finally {
      trackImport({ key, name: file.name, fraction: 1 });
    }
  }
  onProgress(audios.length, audios.length);
  return { entries: linked, speeches };
}
