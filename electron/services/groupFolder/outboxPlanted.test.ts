// Property: whatever anyone plants in a device's own folder directory, whenever, every event
// the device appends reaches the folder where a reader sees it, under 12-digit names; the
// planted files stay exactly as planted, and the publish result lists each of them.
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { lstat, mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { baseRegistry } from '../../../shared/group/baseRegistry';
import { segmentFileName } from '../../../shared/group/folderLayout';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { SCENARIO_T0, profileEvent } from '../../../shared/group/scenario';
import { createSegment, encodeSegment } from '../../../shared/group/segment';
import { GroupSync } from './groupSync';
import { Outbox } from './outbox';
import { tempDir, writeSmallGroup } from './testGroupFolder';

type Content = 'garbage' | 'empty' | 'json' | 'foreign-signed' | 'copy-of-ours' | 'directory';
interface Plant {
  name: string;
  content: Content;
}
interface Step {
  plantsFirst: Plant[];
  appends: number;
  plantsAfter: Plant[];
  compact: boolean;
  publish: boolean;
}

const near = fc.integer({ min: 1, max: 12 });
const name = fc.oneof(
  near.map((n) => segmentFileName(n, n)),
  fc.tuple(near, near).map(([a, b]) => segmentFileName(Math.min(a, b), Math.max(a, b))),
  fc.integer({ min: 13, max: 999_999_999_999 }).map((n) => segmentFileName(n, n)),
  fc.constant('999999999999-999999999999.json'),
  fc.constant('notes.txt'),
  near.map((n) => `${segmentFileName(n, n).slice(0, -5)}.sync-conflict-20260105-120000-ABCDEFG.json`),
);
const plant = fc.record<Plant>({
  name,
  content: fc.constantFrom<Content>(
    'garbage',
    'empty',
    'json',
    'foreign-signed',
    'copy-of-ours',
    'directory',
  ),
});
const step = fc.record<Step>({
  plantsFirst: fc.array(plant, { maxLength: 3 }),
  appends: fc.integer({ min: 0, max: 2 }),
  plantsAfter: fc.array(plant, { maxLength: 3 }),
  compact: fc.boolean(),
  publish: fc.boolean(),
});

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0)) await c();
});

describe('Outbox against anything planted in its folder directory (property)', () => {
  it('publishes every appended event readably, never touches a planted file, and lists each', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { minLength: 1, maxLength: 4 }), async (steps) => {
        const f = await tempDir('planted-folder');
        const d = await tempDir('planted-data');
        cleanups.push(f.cleanup, d.cleanup);
        const group = await writeSmallGroup(f.dir);
        const [coach, ana] = [group.devices[0]!, group.devices[1]!];
        const dir = path.join(f.dir, 'devices', ana.deviceId, 'segments');
        const ours = await readFile(path.join(dir, segmentFileName(1, 1)));
        // Ana's join and first profile, written before the outbox existed: it cannot publish them
        // again, and without her join a reader rightly drops her later events. Those stay intact.
        const before = new Set(await readdir(dir));
        const outbox = new Outbox({
          dataDir: d.dir,
          folder: f.dir,
          key: ana.key,
          group: group.groupId,
          device: ana.deviceId,
        });
        const planted = new Map<string, Uint8Array | 'directory'>();
        const appended: GroupEvent[] = [];
        let t = SCENARIO_T0 + 3_120_000;

        const put = async ({ name, content }: Plant) => {
          const file = path.join(dir, name);
          const existing = await lstat(file).catch(() => null);
          if (existing?.isDirectory() || before.has(name)) return;
          if (content === 'directory') {
            if (existing) return;
            await mkdir(file);
            planted.set(name, 'directory');
            return;
          }
          const bytes =
            content === 'garbage'
              ? new TextEncoder().encode('not even JSON')
              : content === 'empty'
                ? new Uint8Array()
                : content === 'json'
                  ? new TextEncoder().encode('{"format":"lectern-segment","planted":true}')
                  : content === 'foreign-signed'
                    ? encodeSegment(
                        createSegment(
                          coach.key,
                          { group: group.groupId, device: ana.deviceId, first: 1, last: 1 },
                          [profileEvent(coach, t++, 'planted')],
                        ),
                      )
                    : name.startsWith(segmentFileName(1, 1).slice(0, -5))
                      ? new TextEncoder().encode('[]') // a copy there (or as its conflict copy) is ours
                      : ours;
          await writeFile(file, bytes);
          planted.set(name, bytes);
        };

        for (const s of steps) {
          for (const p of s.plantsFirst) await put(p);
          for (let i = 0; i < s.appends; i++) {
            const e = profileEvent(ana, t++, `event ${appended.length}`);
            await outbox.append([e]);
            appended.push(e);
          }
          for (const p of s.plantsAfter) await put(p);
          if (s.compact) await outbox.compact();
          if (s.publish) await outbox.publish();
        }
        const result = await outbox.publish();
        if (result.status !== 'ok') throw new Error(result.status);

        const sync = new GroupSync({ folder: f.dir, registry: baseRegistry });
        await sync.sync();
        const seen = new Set(sync.allEvents().map((e) => e.id));
        expect(appended.filter((e) => !seen.has(e.id))).toEqual([]);
        expect(await outbox.pending()).toBe(0);
        // Exactly the planted files are problems, each as planted.
        const rel = (n: string) => `devices/${ana.deviceId}/segments/${n}`;
        expect(result.problems.map((p) => p.path)).toEqual([...planted.keys()].map(rel).sort());
        for (const [n, content] of planted) {
          if (content === 'directory') expect((await lstat(path.join(dir, n))).isDirectory()).toBe(true);
          else expect(new Uint8Array(await readFile(path.join(dir, n)))).toEqual(new Uint8Array(content));
        }
        // Everything else there is ours, named 12 digits wide.
        for (const n of await readdir(dir))
          if (!planted.has(n) && !n.startsWith('.')) expect(n).toMatch(/^\d{12}-\d{12}\.json$/);
      }),
      { numRuns: 30 },
    );
  }, 120_000);
});
