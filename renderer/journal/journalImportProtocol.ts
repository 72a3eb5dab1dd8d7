// The messages between the page and the journal import worker, and the worker's side of them: it
// reads the picked files in slices (a Blob never has to be read whole) and reports progress for each
// zip about once per percent, so the page's thread never holds an inflated archive. Day One audio
// comes back as Blobs, so the page holds no copy of it either.
import type { ArchiveSource } from '../../shared/journal/boundedUnzip';
import type { ImportContext } from '../../shared/journal/frontMatter';
import {
  importJournalFiles,
  type ImportProgress,
  type ImportReport,
} from '../../shared/journal/journalImport';

export interface ImportRequest {
  files: File[];
  now: string;
  today: string;
  /** The computer's time zone: the day of a UTC time another app wrote. */
  timeZone: string;
}

/** An audio attachment as the page receives it. */
export interface AudioFile {
  entryId: string;
  /** Its path in the zip, as the entry's note names it. */
  path: string;
  file: File;
}

export type ImportReply =
  | { type: 'progress'; progress: ImportProgress }
  | { type: 'done'; report: Omit<ImportReport, 'audios'>; audios: AudioFile[] }
  | { type: 'failed'; message: string };

export function fileSource(file: Blob & { name: string }): ArchiveSource {
  return {
    name: file.name,
    size: file.size,
    read: async (offset, length) => new Uint8Array(await file.slice(offset, offset + length).arrayBuffer()),
  };
}

/** The worker's side: one request, any number of progress replies, then `done` or `failed`. */
export async function serveImport(
  request: ImportRequest,
  reply: (message: ImportReply) => void,
): Promise<void> {
  const { now, today, timeZone } = request;
  const context: ImportContext = { newId: () => crypto.randomUUID(), now, today, timeZone };
  let last = { name: '', percent: -1 };
  try {
    const report = await importJournalFiles(request.files.map(fileSource), context, (progress) => {
      const percent = Math.floor((progress.done * 100) / progress.total);
      if (progress.name === last.name && percent === last.percent) return;
      last = { name: progress.name, percent };
      reply({ type: 'progress', progress });
    });
    const { audios, ...rest } = report;
    const files = audios.map(({ entryId, path, bytes }) => ({
      entryId,
      path,
      file: new File([bytes as Uint8Array<ArrayBuffer>], path.split('/').pop()!),
    }));
    reply({ type: 'done', report: rest, audios: files });
  } catch (error) {
    reply({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
}
