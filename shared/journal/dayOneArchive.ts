// The zip side of a Day One import: its Journal.json read into entries, notes and failures, and the
// audio attachments those entries name read within the import's audio budget.
import { strFromU8 } from 'fflate';
import { readEntry, type ArchiveSource, type ZipRecord } from './boundedUnzip';
import { readDayOneJournal, type DayOneAudio } from './dayOne';
import type { FieldContext } from './importedFields';
import type { ImportedAudio, ImportFailure, ImportNote } from './importReport';
import type { JournalEntry } from './journalEntry';

/** What is left of an import's audio limits; spent as attachments are read. */
export interface AudioBudget {
  audioFiles: number;
  audioBytes: number;
}

/** A Day One JSON file's entries, with a note for each and a failure for each entry it could not read. */
export function readDayOne(
  bytes: Uint8Array,
  name: string,
  audioFiles: ReadonlyMap<string, string>,
  maxEntries: number,
  context: FieldContext,
): { entries: JournalEntry[]; notes: ImportNote[]; failures: ImportFailure[]; audios: DayOneAudio[] } {
  let text: string;
  try {
    text = strFromU8(bytes);
  } catch {
    return {
      entries: [],
      notes: [],
      audios: [],
      failures: [{ name, messageKey: 'journal.errors.notDayOne' }],
    };
  }
  const read = readDayOneJournal(text, audioFiles, maxEntries, context);
  if (!read.ok) return { entries: [], notes: [], audios: [], failures: [{ name, ...read.failure }] };
  return {
    entries: read.entries,
    notes: read.notes.map((note) => ({ name, ...note })),
    audios: read.audios,
    failures: read.damaged.map((position) => ({
      name,
      messageKey: 'journal.errors.damagedDayOneEntry',
      values: { entry: String(position) },
    })),
  };
}

/**
 * Reads the audio the entries name, in file order, while the import's audio budget lasts; what is
 * over it, damaged or unreadable is left out and said in its entry's note. An attachment that holds
 * more than its header declares refuses the whole zip, as a lying journal file does.
 */
export async function readAudios(
  reader: ArchiveSource,
  audios: readonly DayOneAudio[],
  records: ReadonlyMap<string, ZipRecord>,
  budget: AudioBudget,
  notes: readonly ImportNote[],
): Promise<{ ok: true; audios: ImportedAudio[] } | { ok: false; lying: ZipRecord }> {
  const noteOf = new Map(notes.map((note) => [note.entryId, note]));
  const leaveOut = (audio: DayOneAudio, reason: 'attachmentLimit' | 'audioUnreadable') => {
    const note = noteOf.get(audio.entryId);
    if (!note) return;
    note.taken = note.taken.filter((path) => path !== audio.path);
    note.dropped.push({ what: audio.path, reason });
  };
  const read: ImportedAudio[] = [];
  const wanted = audios
    .map((audio) => ({ audio, record: records.get(audio.path)! }))
    .sort((a, b) => a.record.offset - b.record.offset);
  for (const { audio, record } of wanted) {
    if (budget.audioFiles < 1 || record.size > budget.audioBytes) {
      leaveOut(audio, 'attachmentLimit');
      continue;
    }
    budget.audioFiles--;
    budget.audioBytes -= record.size;
    const entry = await readEntry(reader, record);
    if (entry.ok) read.push({ entryId: audio.entryId, path: record.name, bytes: entry.bytes });
    else if (entry.problem === 'lies') return { ok: false, lying: record };
    else leaveOut(audio, 'audioUnreadable');
  }
  return { ok: true, audios: read };
}
