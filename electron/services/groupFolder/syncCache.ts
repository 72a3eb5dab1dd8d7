// The sync engine's local memory of a group folder, kept in the member's data dir: a cursor
// (what each file looked like when it was read, and what came of it) and the verified events
// read so far. With both, a sync reads only what changed (design rule 8), and writes only what
// changed: the cursor is a snapshot plus a log of the entries each sync changed, folded into a
// new snapshot now and then.
//
// Every way this can be cut short leaves a cursor that is older than the folder, never newer
// than the events: an older entry no longer matches its file, so the file is read again
// (slower, never wrong).
//
// The events file also says which file gave which events (a `{file, ids}` entry, the last one
// per file counting), so events can be forgotten when what gave them is refused later. The cache
// forgets what the fold no longer needs: the events file is then written anew, without them.
//
// The events file is a series of records, each a length and a V8-serialised array of entries (the
// serialisation structured clone uses; V8 reads what its earlier versions wrote): a first sync
// writes the whole group, and spelling it as JSON, then as UTF-8, cost four times as much.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { deserialize, serialize } from 'node:v8';
import { z } from 'zod';
import { compiledOnFirstUse } from '../../../shared/group/compiledOnFirstUse';
import { eventSchema } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { writeFileAtomic } from './atomicWrite';

export const CURSOR_FILE = 'sync-cursor.json';
export const CURSOR_LOG_FILE = 'sync-cursor.log';
export const EVENTS_FILE = 'events.v8';
/** The events file of cache version 3, removed with the first snapshot written after it. */
const LEGACY_EVENTS_FILE = 'events.jsonl';
/** Log lines before the snapshot is written again (a line is a sync that changed something). */
const MAX_LOG_LINES = 500;
/**
 * Source lines pile up as files come and go (a compaction names every id again under a new file,
 * and the files it replaced leave empty lines): past this many ids beyond twice the live ones, the
 * events file is written anew.
 */
const SOURCE_SLACK = 4096;
/** Local cache format; a cursor of another version is dropped and the folder read again. */
const CURSOR_VERSION = 4;

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
  /** A segment's events per UTC day of their hlc (`YYYY-MM-DD`), for the quotas (deviceQuota.ts). */
  days: z.record(z.string(), z.number()).optional(),
  /** How many of its events are join requests. */
  joins: z.number().optional(),
  /** Its earliest join request that could make its author an applicant, as `<hlc> <id>`. */
  join: z.string().optional(),
  /** Why the quotas refuse this segment (it was read, and adds nothing while refused). */
  quota: z.string().optional(),
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

/** Which events a file gave (the ids the cache holds because of it). */
const sourceEntrySchema = z.strictObject({ file: z.string(), ids: z.array(z.string()) });
/** A warm start checks every cached event, the cursor's entry for every file, and every source line. */
const cachedEventSchema = compiledOnFirstUse(eventSchema);
const compiledCursorSchema = compiledOnFirstUse(cursorSchema);
const compiledSourceEntrySchema = compiledOnFirstUse(sourceEntrySchema);

export function emptyCursor(): Cursor {
  return { version: CURSOR_VERSION, groupId: null, events: 0, files: {}, generation: 0 };
}

export interface LoadedSyncCache {
  cursor: Cursor | null;
  events: GroupEvent[];
  /** Per file, the ids of the events it gave (the last line written for it). */
  sources: Map<string, string[]>;
  logLines: number | null;
  /** Ids named by every source line in the events file, superseded lines included. */
  sourceIds: number;
}

/** Reads the cache; anything unreadable is dropped (the folder is read again: slower, never wrong). */
export async function loadSyncCache(dir: string): Promise<LoadedSyncCache> {
  const cursorText = await fs.readFile(path.join(dir, CURSOR_FILE), 'utf8').catch(() => null);
  const cursor = cursorText === null ? null : compiledCursorSchema().safeParse(safeJson(cursorText));
  const logText = await fs.readFile(path.join(dir, CURSOR_LOG_FILE), 'utf8').catch(() => '');
  const eventsBytes = await fs.readFile(path.join(dir, EVENTS_FILE)).catch(() => new Uint8Array());
  const events: GroupEvent[] = [];
  const sources = new Map<string, string[]>();
  const seen = new Set<string>();
  let sourceIds = 0;
  // An entry naming a `file` is a source entry and is never tried as an event (no event has that
  // key), so no refusal is worked out for each of them.
  for (const entry of cacheEntries(eventsBytes)) {
    if (typeof entry === 'object' && entry !== null && 'file' in entry) {
      const source = compiledSourceEntrySchema().safeParse(entry);
      if (source.success) {
        sources.set(source.data.file, source.data.ids);
        sourceIds += source.data.ids.length + 1;
      }
      continue;
    }
    const e = cachedEventSchema().safeParse(entry);
    if (e.success && !seen.has(e.data.id)) {
      seen.add(e.data.id);
      events.push(e.data as GroupEvent);
    }
  }
  // A cursor newer than the event cache (power loss after it was written) would skip files whose
  // events were lost, so it is dropped, and so is any log line that is.
  if (!cursor?.success || cursor.data.events > events.length)
    return { cursor: null, events, sources, logLines: null, sourceIds };
  const usable = cursor.data;
  let logLines = 0;
  for (const text of logText.split('\n')) {
    const line = logLineSchema.safeParse(safeJson(text));
    if (!line.success || line.data.generation !== usable.generation) continue;
    if (line.data.events > events.length) break;
    applyLogLine(usable, line.data);
    logLines++;
  }
  return { cursor: usable, events, sources, logLines, sourceIds };
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
    /** Ids named by the events file's source lines so far (see loadSyncCache). */
    private sourceIds = 0,
    private readonly maxLogLines = MAX_LOG_LINES,
  ) {}

  /** True when most of the events file's source lines are superseded: time to {@link rewrite} it. */
  outgrown(liveSources: ReadonlyMap<string, readonly string[]>): boolean {
    if (this.sourceIds <= SOURCE_SLACK) return false;
    let live = 0;
    for (const ids of liveSources.values()) live += ids.length + 1;
    return this.sourceIds > 2 * live + SOURCE_SLACK;
  }

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
    sources: ReadonlyMap<string, readonly string[]> = new Map(),
  ): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    if (newEvents.length > 0 || sources.size > 0) {
      await fs.writeFile(path.join(this.dir, EVENTS_FILE), eventRecords(newEvents, sources), { flag: 'a' });
      for (const ids of sources.values()) this.sourceIds += ids.length + 1;
    }
    if (changed && this.logLines !== null && this.logLines < this.maxLogLines) {
      if (Object.keys(changed).length === 0 && newEvents.length === 0) return;
      const line: LogLine = { generation: cursor.generation, events: cursor.events, files: changed };
      await fs.appendFile(path.join(this.dir, CURSOR_LOG_FILE), JSON.stringify(line) + '\n');
      this.logLines++;
      return;
    }
    await this.snapshot(cursor);
  }

  /**
   * Writes the events file anew with only `events` (the cache forgets what the fold no longer
   * needs), then a snapshot of the cursor. The old cursor goes first: a crash in between leaves
   * no cursor, so the next sync reads the folder again rather than trust entries whose events
   * are gone.
   */
  async rewrite(
    cursor: Cursor,
    events: Iterable<GroupEvent>,
    sources: ReadonlyMap<string, readonly string[]>,
  ): Promise<void> {
    await fs.mkdir(this.dir, { recursive: true });
    await fs.rm(path.join(this.dir, CURSOR_FILE), { force: true });
    await fs.rm(path.join(this.dir, CURSOR_LOG_FILE), { force: true });
    await writeFileAtomic(this.dir, EVENTS_FILE, eventRecords(events, sources), {
      overwrite: true,
      flush: false,
    });
    this.sourceIds = 0;
    for (const ids of sources.values()) this.sourceIds += ids.length + 1;
    await this.snapshot(cursor);
  }

  private async snapshot(cursor: Cursor): Promise<void> {
    // A new generation: the old log's lines stop applying the moment the snapshot is in place.
    cursor.generation++;
    await writeFileAtomic(this.dir, CURSOR_FILE, JSON.stringify(cursor), { overwrite: true, flush: false });
    await fs.rm(path.join(this.dir, CURSOR_LOG_FILE), { force: true });
    await fs.rm(path.join(this.dir, LEGACY_EVENTS_FILE), { force: true });
    this.logLines = 0;
  }
}

/**
 * Entries per record: a record is written and read whole, so a first sync holds one record's
 * bytes at a time, not the group's.
 */
const RECORD_ENTRIES = 1000;
const LENGTH_BYTES = 4;

/** The records for events and sources: each a length (little-endian), then its entries serialised. */
export function* eventRecords(
  events: Iterable<GroupEvent>,
  sources: ReadonlyMap<string, readonly string[]>,
): Generator<Uint8Array> {
  let entries: unknown[] = [];
  const record = () => {
    const body = serialize(entries);
    const length = Buffer.alloc(LENGTH_BYTES);
    length.writeUInt32LE(body.length);
    entries = [];
    return [length, body];
  };
  for (const e of events) {
    entries.push(e);
    if (entries.length === RECORD_ENTRIES) yield* record();
  }
  for (const [file, ids] of sources) {
    entries.push({ file, ids });
    if (entries.length === RECORD_ENTRIES) yield* record();
  }
  if (entries.length > 0) yield* record();
}

/**
 * The entries of every whole record. A crash can leave a record cut short at the end (appended,
 * not renamed): it is left out, and so is a record that does not deserialise (a damaged disk).
 */
export function* cacheEntries(bytes: Uint8Array): Generator<unknown> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let at = 0;
  while (at + LENGTH_BYTES <= view.length) {
    const end = at + LENGTH_BYTES + view.readUInt32LE(at);
    if (end > view.length) return;
    let entries: unknown;
    try {
      entries = deserialize(view.subarray(at + LENGTH_BYTES, end));
    } catch {
      entries = null;
    }
    if (Array.isArray(entries)) yield* entries;
    at = end;
  }
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
