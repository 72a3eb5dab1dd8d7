// The sync engine's local memory of a group folder, kept in the member's data dir: a cursor
// (what each file looked like when it was read, and what came of it) and the verified events
// read so far. With both, a sync reads only what changed (design rule 8), and writes only what
// changed: the cursor is a snapshot plus a log of the entries each sync changed, folded into a
// new snapshot now and then.
//
// Every way this can be cut short leaves a cursor that is older than the folder, never newer
// than the events: an older entry no longer matches its file, so the file is read again
// (slower, never wrong).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { eventSchema } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { writeFileAtomic } from './atomicWrite';

export const CURSOR_FILE = 'sync-cursor.json';
export const CURSOR_LOG_FILE = 'sync-cursor.log';
export const EVENTS_FILE = 'events.jsonl';
/** Log lines before the snapshot is written again (a line is a sync that changed something). */
const MAX_LOG_LINES = 500;
/** Local cache format; a cursor of another version is dropped and the folder read again. */
const CURSOR_VERSION = 2;

const cursorEntrySchema = z.object({
  size: z.number(),
  mtimeMs: z.number(),
  // With size and mtime, these catch a file replaced by one of the same size and mtime (a sync tool
  // restores the sender's mtime): a rename gives a new inode, an in-place write a new ctime, and
  // no program can set ctime back.
  ino: z.number(),
  ctimeMs: z.number(),
  outcome: z.enum(['read', 'quarantined', 'retry']),
  reason: z.string().optional(),
  author: z.string().optional(),
  firstHlc: z.string().optional(),
});
export type CursorEntry = z.infer<typeof cursorEntrySchema>;

const cursorSchema = z.object({
  version: z.literal(CURSOR_VERSION),
  groupId: z.string().nullable(),
  /** Events in the local cache when this cursor was written. */
  events: z.number(),
  files: z.record(z.string(), cursorEntrySchema),
  /** Which snapshot the log lines belong to: lines of an earlier one are ignored. */
  generation: z.number(),
});
export type Cursor = z.infer<typeof cursorSchema>;

/** One sync's changes to the snapshot: entries set, or removed (null). */
const logLineSchema = z.object({
  generation: z.number(),
  events: z.number(),
  files: z.record(z.string(), cursorEntrySchema.nullable()),
});
type LogLine = z.infer<typeof logLineSchema>;

export function emptyCursor(): Cursor {
  return { version: CURSOR_VERSION, groupId: null, events: 0, files: {}, generation: 0 };
}

/** Reads the cache; anything unreadable is dropped (the folder is read again: slower, never wrong). */
export async function loadSyncCache(
  dir: string,
): Promise<{ cursor: Cursor | null; events: GroupEvent[]; logLines: number | null }> {
  const cursorText = await fs.readFile(path.join(dir, CURSOR_FILE), 'utf8').catch(() => null);
  const cursor = cursorText === null ? null : cursorSchema.safeParse(safeJson(cursorText));
  const logText = await fs.readFile(path.join(dir, CURSOR_LOG_FILE), 'utf8').catch(() => '');
  const eventsText = await fs.readFile(path.join(dir, EVENTS_FILE), 'utf8').catch(() => '');
  const events: GroupEvent[] = [];
  const seen = new Set<string>();
  // A crash can leave a half line at the end (appended, not renamed); such lines are skipped.
  for (const line of eventsText.split('\n')) {
    const e = eventSchema.safeParse(safeJson(line));
    if (e.success && !seen.has(e.data.id)) {
      seen.add(e.data.id);
      events.push(e.data as GroupEvent);
    }
  }
  // A cursor newer than the event cache (power loss after it was written) would skip files whose
  // events were lost, so it is dropped, and so is any log line that is.
  if (!cursor?.success || cursor.data.events > events.length) return { cursor: null, events, logLines: null };
  const usable = cursor.data;
  let logLines = 0;
  for (const text of logText.split('\n')) {
    const line = logLineSchema.safeParse(safeJson(text));
    if (!line.success || line.data.generation !== usable.generation) continue;
    if (line.data.events > events.length) break;
    applyLogLine(usable, line.data);
    logLines++;
  }
  return { cursor: usable, events, logLines };
}

function applyLogLine(cursor: Cursor, line: LogLine): void {
  cursor.events = line.events;
  for (const [file, entry] of Object.entries(line.files)) {
    if (entry) cursor.files[file] = entry;
    else delete cursor.files[file];
  }
}

/** Writes the local cache after a sync: new events, then what changed in the cursor. */
export class SyncCacheWriter {
  constructor(
    private readonly dir: string,
    /** Log lines written since the snapshot (from loadSyncCache, then counted here); null: no usable snapshot yet. */
    private logLines: number | null,
    private readonly maxLogLines = MAX_LOG_LINES,
  ) {}

  /**
   * Events first, cursor second, neither flushed (a flush of the whole cache costs more than the
   * sync). A cursor that outlived its events (power loss) is dropped on load, so the next sync
   * re-reads, never misses, a file. `changed` is null when every entry may have changed (a pass
   * that looked at every file): the snapshot is written again then.
   */
  async persist(
    cursor: Cursor,
    newEvents: readonly GroupEvent[],
    changed: Record<string, CursorEntry | null> | null,
  ): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    if (newEvents.length > 0)
      await fs.appendFile(
        path.join(this.dir, EVENTS_FILE),
        newEvents.map((e) => JSON.stringify(e) + '\n').join(''),
      );
    if (changed && this.logLines !== null && this.logLines < this.maxLogLines) {
      if (Object.keys(changed).length === 0 && newEvents.length === 0) return;
      const line: LogLine = { generation: cursor.generation, events: cursor.events, files: changed };
      await fs.appendFile(path.join(this.dir, CURSOR_LOG_FILE), JSON.stringify(line) + '\n');
      this.logLines++;
      return;
    }
    // A new generation: the old log's lines stop applying the moment the snapshot is in place.
    cursor.generation++;
    await writeFileAtomic(this.dir, CURSOR_FILE, JSON.stringify(cursor), { overwrite: true, flush: false });
    await fs.rm(path.join(this.dir, CURSOR_LOG_FILE), { force: true });
    this.logLines = 0;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
