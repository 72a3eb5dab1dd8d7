// The sync engine's local memory of a group folder, kept in the member's data dir: a cursor
// (what each file looked like when it was read, and what came of it) and the verified events
// read so far. With both, a sync reads only what changed (design rule 8).
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { eventSchema } from '../../../shared/group/groupEvent';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { writeFileAtomic } from './atomicWrite';

export const CURSOR_FILE = 'sync-cursor.json';
export const EVENTS_FILE = 'events.jsonl';
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
});
export type Cursor = z.infer<typeof cursorSchema>;

export function emptyCursor(): Cursor {
  return { version: CURSOR_VERSION, groupId: null, events: 0, files: {} };
}

/** Reads the cache; anything unreadable is dropped (the folder is read again: slower, never wrong). */
export async function loadSyncCache(dir: string): Promise<{ cursor: Cursor | null; events: GroupEvent[] }> {
  const cursorText = await fs.readFile(path.join(dir, CURSOR_FILE), 'utf8').catch(() => null);
  const cursor = cursorText === null ? null : cursorSchema.safeParse(safeJson(cursorText));
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
  // events were lost, so it is dropped.
  const usable = cursor?.success && cursor.data.events <= events.length ? cursor.data : null;
  return { cursor: usable, events };
}

/**
 * Events first, cursor second, neither flushed (a flush of the whole cache costs more than the
 * sync). The cursor records how many events the cache held, so a cursor that outlived its events
 * is dropped on load: the next sync re-reads, never misses, a file.
 */
export async function persistSyncCache(
  dir: string,
  cursor: Cursor,
  newEvents: readonly GroupEvent[],
): Promise<void> {
  await fs.mkdir(dir, { recursive: true });
  if (newEvents.length > 0)
    await fs.appendFile(path.join(dir, EVENTS_FILE), newEvents.map((e) => JSON.stringify(e) + '\n').join(''));
  await writeFileAtomic(dir, CURSOR_FILE, JSON.stringify(cursor), { overwrite: true, flush: false });
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
