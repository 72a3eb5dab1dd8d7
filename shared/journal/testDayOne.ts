// Day One exports for tests (unit and end-to-end), in the shape of Day One's documented JSON export:
// a zip holding `Journal.json` ({ metadata, entries }) and its audio in `audios/<md5>.<format>`.
import { strToU8, zipSync, type Zippable } from 'fflate';

export interface DayOneTestAudio {
  identifier: string;
  md5: string;
  format: string;
  bytes: Uint8Array;
}

export interface DayOneTestEntry {
  uuid: string;
  text: string;
  creationDate: string;
  modifiedDate?: string;
  timeZone?: string;
  tags?: string[];
  audios?: DayOneTestAudio[];
  /** Anything else Day One writes (location, weather, starred…). */
  extra?: Record<string, unknown>;
}

export function dayOneJournal(entries: readonly DayOneTestEntry[]): string {
  return JSON.stringify({
    metadata: { version: '1.0' },
    entries: entries.map(({ audios, extra, ...entry }) => ({
      ...entry,
      ...extra,
      ...(audios && {
        audios: audios.map(({ identifier, md5, format, bytes }) => ({
          identifier,
          md5,
          format,
          duration: 1,
          fileSize: bytes.length,
          orderInEntry: 0,
          creationDevice: 'iPhone',
        })),
      }),
    })),
  });
}

/** The zip Day One's "JSON" export writes; `omit` leaves audio files out, as a broken export would. */
export function dayOneZip(entries: readonly DayOneTestEntry[], omit: readonly string[] = []): Uint8Array {
  const files: Zippable = { 'Journal.json': strToU8(dayOneJournal(entries)) };
  for (const audio of entries.flatMap((entry) => entry.audios ?? []))
    if (!omit.includes(audio.md5)) files[`audios/${audio.md5}.${audio.format}`] = [audio.bytes, { level: 0 }];
  return zipSync(files);
}
