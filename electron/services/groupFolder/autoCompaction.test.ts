// The app's write pattern (one event, the tiered merge, a publish) watched through a sync tool that
// delivers the merged file and the deletions in any order, half-written files first, some late:
// a reader that has seen an event never loses it, and every copy ends with every event.
import fc from 'fast-check';
import { cp, mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { appRegistry } from '../../../shared/group/appRegistry';
import { DEVICES_DIR, SEGMENTS_DIR } from '../../../shared/group/folderLayout';
import { SCENARIO_T0, profileEvent } from '../../../shared/group/scenario';
import { tieredPlan } from './compactionPlan';
import { GroupSync } from './groupSync';
import { Outbox } from './outbox';
import { EVENTS_FILE } from './syncCache';
import { tempDir, writeSmallGroup, writerFor } from './testGroupFolder';

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

const NOW = SCENARIO_T0 + 30 * 86_400_000;

async function filesUnder(root: string): Promise<Map<string, Buffer>> {
  const out = new Map<string, Buffer>();
  for (const e of await readdir(root, { withFileTypes: true, recursive: true })) {
    if (!e.isFile() || e.name.startsWith('.')) continue;
    const full = path.join(e.parentPath, e.name);
    out.set(path.relative(root, full).split(path.sep).join('/'), await readFile(full));
  }
  return out;
}

type Step = { kind: 'put'; rel: string; bytes: Buffer; half: boolean } | { kind: 'delete'; rel: string };

/** What a sync tool would do to make `to` look like `from`, as separate steps it may reorder. */
async function changes(from: string, to: string): Promise<Step[]> {
  const [source, target] = [await filesUnder(from), await filesUnder(to)];
  const steps: Step[] = [];
  for (const [rel, bytes] of source)
    if (!target.get(rel)?.equals(bytes)) steps.push({ kind: 'put', rel, bytes, half: false });
  for (const rel of target.keys()) if (!source.has(rel)) steps.push({ kind: 'delete', rel });
  return steps;
}

async function apply(root: string, step: Step): Promise<void> {
  const full = path.join(root, step.rel);
  if (step.kind === 'delete') return rm(full, { force: true });
  await mkdir(path.dirname(full), { recursive: true });
  await writeFile(full, step.half ? step.bytes.subarray(0, step.bytes.length >> 1) : step.bytes);
}

describe('automatic compaction through a misbehaving sync tool', () => {
  it('a reader never loses an event, and every copy ends with all of them (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.integer({ min: 9, max: 40 }),
        fc.array(fc.nat(), { minLength: 16, maxLength: 16 }),
        fc.array(fc.constantFrom('now', 'half-first', 'late'), { minLength: 16, maxLength: 16 }),
        fc.array(fc.boolean(), { minLength: 16, maxLength: 16 }),
        async (writes, order, how, readAfter) => {
          const writer = await tempDir('compact-a');
          const copy = await tempDir('compact-b');
          const data = await tempDir('compact-data');
          cleanups.push(writer.cleanup, copy.cleanup, data.cleanup);
          const group = await writeSmallGroup(writer.dir);
          await cp(writer.dir, copy.dir, { recursive: true });
          const ana = group.devices[1]!;
          const outbox = new Outbox({
            dataDir: path.join(data.dir, 'outbox'),
            folder: writer.dir,
            key: ana.key,
            group: group.groupId,
            device: ana.deviceId,
          });
          const reader = new GroupSync({
            folder: copy.dir,
            dataDir: path.join(data.dir, 'reader'),
            registry: appRegistry,
            now: () => NOW,
          });
          await reader.sync();
          let held = reader.allEvents().length;
          let late: Step[] = [];
          let k = 0;
          for (let i = 0; i < writes; i++) {
            await outbox.append([
              profileEvent(ana, SCENARIO_T0 + 86_400_000 + i * 60_000, `第${i}次 bio ${i}`),
            ]);
            await outbox.compact(tieredPlan);
            await outbox.publish();
            const steps = (await changes(writer.dir, copy.dir))
              .filter((s) => !late.some((l) => l.rel === s.rel))
              .map((s, j) => ({ s, key: order[(i + j) % 16]! }))
              .sort((x, y) => x.key - y.key)
              .map(({ s }) => s);
            const now: Step[] = [];
            for (const s of steps) {
              const choice = how[k++ % 16];
              if (choice === 'late') late.push(s);
              else if (choice === 'half-first' && s.kind === 'put') now.push({ ...s, half: true }, s);
              else now.push(s);
            }
            for (const s of now) {
              await apply(copy.dir, s);
              if (readAfter[k++ % 16]) {
                await reader.sync();
                expect(reader.allEvents().length).toBeGreaterThanOrEqual(held);
                held = reader.allEvents().length;
              }
            }
            if (i % 4 === 3) {
              for (const s of late) await apply(copy.dir, s);
              late = [];
            }
          }
          for (const s of await changes(writer.dir, copy.dir)) await apply(copy.dir, s);
          await reader.sync();
          const fresh = new GroupSync({ folder: copy.dir, registry: appRegistry, now: () => NOW });
          await fresh.sync();
          const expected = group.events.length + writes;
          expect(reader.allEvents()).toHaveLength(expected);
          expect(fresh.allEvents()).toHaveLength(expected);
          expect(fresh.state().hash).toBe(reader.state().hash);
          const own = await readdir(path.join(copy.dir, DEVICES_DIR, ana.deviceId, SEGMENTS_DIR));
          // The small group's own files for Ana, plus at most seven per tier of the new ones.
          expect(own.length).toBeLessThanOrEqual(2 + 7 * 2);
        },
      ),
      { numRuns: 8 },
    );
  }, 120_000);

  it("keeps the reader's cache near the size of what it holds while a big file is replaced again and again", async () => {
    const folder = await tempDir('cache-folder');
    const data = await tempDir('cache-data');
    cleanups.push(folder.cleanup, data.cleanup);
    const group = await writeSmallGroup(folder.dir);
    const ana = group.devices[1]!;
    const events = Array.from({ length: 2000 }, (_, i) =>
      profileEvent(ana, SCENARIO_T0 + 86_400_000 + i * 1000, `反思 ${i}`),
    );
    const { relPath } = await writerFor(folder.dir, group.groupId, ana).append(events);
    const reader = new GroupSync({
      folder: folder.dir,
      dataDir: data.dir,
      registry: appRegistry,
      now: () => NOW,
      directoryTrust: { settleMs: 0, fullPassEveryMs: 0 },
    });
    await reader.sync();
    await reader.cacheWritten();
    const held = (await stat(path.join(data.dir, EVENTS_FILE))).size;
    // A sync tool replaces the file with the same bytes (a new inode): each time it is read again.
    const file = path.join(folder.dir, relPath);
    for (let round = 0; round < 20; round++) {
      await writeFile(`${file}.tmp`, await readFile(file));
      await rename(`${file}.tmp`, file);
      await reader.sync();
    }
    expect(reader.allEvents()).toHaveLength(group.events.length + events.length);
    await reader.cacheWritten();
    expect((await stat(path.join(data.dir, EVENTS_FILE))).size).toBeLessThan(held * 1.5);
  });
});
