// The sync cache is a snapshot plus a log of changes: whatever is cut short (a crash mid-append,
// a lost tail after power loss), loading gives a cursor some sync really wrote, never one newer
// than its events, so the next sync re-reads what it must and never skips a file.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readFile, readdir, stat, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { SCENARIO_T0, profileEvent, scenarioDevice } from '../../../shared/group/scenario';
import { CURSOR_LOG_FILE, EVENTS_FILE, SyncCacheWriter, emptyCursor, loadSyncCache } from './syncCache';
import type { Cursor, CursorEntry } from './syncCache';
import { tempDir } from './testGroupFolder';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const entry = (size: number): CursorEntry => ({
  size,
  mtimeMs: size * 10,
  ino: size,
  ctimeMs: 1,
  outcome: 'read',
});
const author = scenarioDevice('cache', 1);
const event = (n: number) => profileEvent(author, SCENARIO_T0 + n * 1000, `bio ${n}`);

/** One sync: some files set (by number), some removed, some new events; or a full pass. */
const syncStep = fc.record({
  set: fc.array(fc.tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 99 })), { maxLength: 4 }),
  remove: fc.array(fc.integer({ min: 0, max: 9 }), { maxLength: 2 }),
  newEvents: fc.integer({ min: 0, max: 2 }),
  full: fc.boolean(),
});

type SyncStep = typeof syncStep extends fc.Arbitrary<infer T> ? T : never;

/** Persists each step as a sync would; returns every cursor written (files and event count). */
async function persistSteps(dir: string, steps: SyncStep[], maxLogLines?: number) {
  const writer = new SyncCacheWriter(dir, null, 0, maxLogLines);
  const cursor = emptyCursor();
  let events = 0;
  const written: Array<{ files: Cursor['files']; events: number }> = [{ files: {}, events: 0 }];
  for (const step of steps) {
    const changed: Record<string, CursorEntry | null> = {};
    for (const [file, size] of step.set) changed[`f${file}`] = cursor.files[`f${file}`] = entry(size);
    for (const file of step.remove) {
      if (`f${file}` in cursor.files) changed[`f${file}`] = null;
      delete cursor.files[`f${file}`];
    }
    const fresh = Array.from({ length: step.newEvents }, () => event(events++));
    cursor.events = events;
    await writer.persist(cursor, fresh, step.full ? null : changed);
    written.push({ files: structuredClone(cursor.files), events });
  }
  return written;
}

describe('sync cache', () => {
  it('loads the last cursor written, through log lines and snapshots (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(syncStep, { minLength: 1, maxLength: 12 }),
        fc.integer({ min: 1, max: 4 }),
        async (steps, maxLogLines) => {
          const { dir, cleanup } = await tempDir('cache');
          cleanups.push(cleanup);
          const written = await persistSteps(dir, steps, maxLogLines);
          const last = written[written.length - 1]!;
          const loaded = await loadSyncCache(dir);
          expect(loaded.events).toHaveLength(last.events);
          expect(loaded.cursor?.files).toEqual(last.files);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('after a torn log or a lost event tail, loads a cursor some sync wrote, never a newer one (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(syncStep, { minLength: 2, maxLength: 8 }),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 100 }),
        async (steps, logCut, eventsCut) => {
          const { dir, cleanup } = await tempDir('cache');
          cleanups.push(cleanup);
          const written = await persistSteps(dir, steps);
          // Cut both files at arbitrary bytes (percent of their length), as a crash or a power loss may.
          for (const [file, cut] of [
            [CURSOR_LOG_FILE, logCut],
            [EVENTS_FILE, eventsCut],
          ] as const) {
            const size = await stat(path.join(dir, file)).then(
              (s) => s.size,
              () => 0,
            );
            if (size > 0) await truncate(path.join(dir, file), Math.floor((size * cut) / 100));
          }
          const loaded = await loadSyncCache(dir);
          if (loaded.cursor === null) return; // dropped: everything is read again, which is always right
          expect(loaded.cursor.events).toBeLessThanOrEqual(loaded.events.length);
          expect(written).toContainEqual({ files: loaded.cursor.files, events: loaded.cursor.events });
        },
      ),
      { numRuns: 60 },
    );
  });

  it('says which file gave which events, and forgets events when written anew', async () => {
    const { dir, cleanup } = await tempDir('cache');
    cleanups.push(cleanup);
    const writer = new SyncCacheWriter(dir, null);
    const cursor = emptyCursor();
    cursor.files = { a: entry(1), b: entry(2) };
    const [e0, e1, e2] = [event(0), event(1), event(2)];
    await writer.persist(cursor, [e0, e1], null, new Map([['a', [e0.id, e1.id]]]));
    cursor.files.b = entry(3);
    cursor.events = 3;
    await writer.persist(
      cursor,
      [e2],
      { b: entry(3) },
      new Map([
        ['b', [e2.id]],
        ['a', [e0.id]],
      ]),
    );
    let loaded = await loadSyncCache(dir);
    expect(loaded.events.map((e) => e.id)).toEqual([e0.id, e1.id, e2.id]);
    expect(loaded.sources).toEqual(
      new Map([
        ['a', [e0.id]],
        ['b', [e2.id]],
      ]),
    ); // the last line per file

    // e1 is no longer needed: the cache is written anew without it.
    cursor.events = 2;
    await writer.rewrite(
      cursor,
      [e0, e2],
      new Map([
        ['a', [e0.id]],
        ['b', [e2.id]],
      ]),
    );
    loaded = await loadSyncCache(dir);
    expect(loaded.events.map((e) => e.id)).toEqual([e0.id, e2.id]);
    expect(await readFile(path.join(dir, EVENTS_FILE), 'utf8')).not.toContain(e1.id);
    expect(loaded.cursor?.files).toEqual(cursor.files);
  });

  it('writes nothing to the cursor for a sync that changed nothing', async () => {
    const { dir, cleanup } = await tempDir('cache');
    cleanups.push(cleanup);
    const writer = new SyncCacheWriter(dir, null);
    const cursor = emptyCursor();
    cursor.files['a'] = entry(1);
    await writer.persist(cursor, [], null); // a full pass: the snapshot
    await writer.persist(cursor, [], { b: entry(2) });
    const log = await readFile(path.join(dir, CURSOR_LOG_FILE), 'utf8');
    await writer.persist(cursor, [], {});
    expect(await readFile(path.join(dir, CURSOR_LOG_FILE), 'utf8')).toBe(log);
  });

  it('keeps every event of a cache larger than one written piece, appended and written anew', async () => {
    const { dir, cleanup } = await tempDir('cache');
    cleanups.push(cleanup);
    // About 3 MB, mostly Chinese: three records, each written and read whole.
    const many = Array.from({ length: 3_000 }, (_, n) =>
      profileEvent(author, SCENARIO_T0 + n * 1000, `第${n}条 ${'演讲练习'.repeat(120)}`),
    );
    const cursor = { ...emptyCursor(), events: many.length };
    await new SyncCacheWriter(dir, null).persist(cursor, many, null);
    expect((await stat(path.join(dir, EVENTS_FILE))).size).toBeGreaterThan(2 * 1024 * 1024);
    expect((await loadSyncCache(dir)).events.map((e) => e.id)).toEqual(many.map((e) => e.id));
    const sources = new Map([['devices/a/segments/1.json', many.map((e) => e.id)]]);
    await new SyncCacheWriter(dir, 0).rewrite(cursor, many.slice(1000), sources);
    const loaded = await loadSyncCache(dir);
    expect(loaded.events.map((e) => e.id)).toEqual(many.slice(1000).map((e) => e.id));
    expect(loaded.sources.get('devices/a/segments/1.json')).toHaveLength(3_000);
  });

  it('skips a damaged record and keeps the records after it', async () => {
    const { dir, cleanup } = await tempDir('cache');
    cleanups.push(cleanup);
    const writer = new SyncCacheWriter(dir, null);
    const [e0, e1] = [event(0), event(1)];
    const cursor = { ...emptyCursor(), events: 1 };
    await writer.persist(cursor, [e0], null);
    cursor.events = 2;
    await writer.persist(cursor, [e1], {});
    const file = path.join(dir, EVENTS_FILE);
    const bytes = await readFile(file);
    bytes[4] = 0; // the first record's serialisation header: it no longer deserialises
    await writeFile(file, bytes);
    const loaded = await loadSyncCache(dir);
    expect(loaded.events.map((e) => e.id)).toEqual([e1.id]);
    // The second sync's cursor line counted two events: the first sync's snapshot is what is left.
    expect(loaded.cursor?.events).toBe(1);
  });

  it("drops an earlier version's cache: the folder is read again, and its events file goes", async () => {
    const { dir, cleanup } = await tempDir('cache');
    cleanups.push(cleanup);
    const old = { version: 3, groupId: null, events: 1, files: { a: entry(1) }, generation: 1 };
    await writeFile(path.join(dir, 'sync-cursor.json'), JSON.stringify(old));
    await writeFile(path.join(dir, 'events.jsonl'), JSON.stringify(event(0)) + '\n');
    const loaded = await loadSyncCache(dir);
    expect(loaded.cursor).toBeNull();
    expect(loaded.events).toEqual([]);
    await new SyncCacheWriter(dir, loaded.logLines).persist({ ...emptyCursor(), events: 0 }, [], null);
    expect((await readdir(dir)).sort()).toEqual(['sync-cursor.json']);
  });
});
