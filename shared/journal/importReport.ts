// What an import reports: files it could not read, and for each entry taken from a file another app
// (or a person) wrote, which of the file's fields and attachments it read and what it left out and
// why (Lectern's own files, read whole, need no note); and Day One audio, read, to become speeches.
import type { JournalEntry } from './journalEntry';

/** Values for a failure's message: `size`/`maxSize` are bytes, `files`/`maxFiles` numbers of files. */
export type ImportValues = Partial<Record<'size' | 'maxSize' | 'files' | 'maxFiles', number>> & {
  entry?: string;
};

export interface ImportFailure {
  /** The file picked, or `archive.zip/inner/path.md` for one entry of a zip. */
  name: string;
  messageKey: string;
  values?: ImportValues;
  /** The whole zip was refused: nothing in it was imported. */
  refusedArchive?: boolean;
}

/** A Day One audio attachment, read, for the renderer to import as a speech linked to `entryId`. */
export interface ImportedAudio {
  entryId: string;
  /** Its path in the zip, `audios/<md5>.m4a`, as the entry's note names it. */
  path: string;
  bytes: Uint8Array;
}

export interface ImportReport {
  entries: JournalEntry[];
  failures: ImportFailure[];
  /** What was read and left out of each file that was not Lectern's own, whole. */
  notes: ImportNote[];
  audios: ImportedAudio[];
}

/** Why something in a file was not imported; each has a message in the journal's locale files. */
export type DropReason =
  /** A field Lectern has no place for (Obsidian's `aliases`, Joplin's `latitude`). */
  | 'unknownField'
  /** A field Lectern has, with a value it cannot use (`mood: happy`). */
  | 'badValue'
  /** A Day One attachment reference whose file is not in the import (a photo, a missing audio). */
  | 'missingAttachment'
  /** More audio than one import takes, by count or by size. */
  | 'attachmentLimit'
  /** An audio file that could not be read as a speech. */
  | 'audioUnreadable';

export interface Dropped {
  /** The field's name or the attachment's reference, as the file spells it. */
  what: string;
  reason: DropReason;
}

export interface ImportNote {
  /** The file, or `archive.zip/inner/path` for one inside a zip. */
  name: string;
  entryId: string;
  title: string;
  date: string;
  /** The file's own names for what was read: fields (`created`, `tags`) and attachments (`audios/….m4a`). */
  taken: string[];
  dropped: Dropped[];
  /** The file names no date it was written on, so the entry is dated the day of the import. */
  undated?: boolean;
}
