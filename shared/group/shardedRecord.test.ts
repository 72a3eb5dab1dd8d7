import fc from 'fast-check';
import { Immer } from 'immer';
import { describe, expect, it } from 'vitest';
import { flatView, shardedDelete, shardedGet, shardedSet } from './shardedRecord';
import type { Sharded } from './shardedRecord';

interface Entry {
  id: string;
  hlc: string;
}
const hexId = fc.stringMatching(/^[0-9a-f]{64}$/);
const hlc = fc.integer({ min: 0, max: 99 }).map((n) => `2026-01-01T00:00:${String(n).padStart(2, '0')}.000Z`);
/** Sets (an entry) and deletes (null), by id, as a fold would apply them. */
const changes = fc.array(fc.tuple(hexId, fc.option(hlc, { nil: null })), { maxLength: 60 });

function apply(steps: [string, string | null][]) {
  const sharded: Sharded<Entry> = {};
  const plain = new Map<string, Entry>();
  for (const [id, at] of steps) {
    if (at === null) {
      shardedDelete(sharded, id);
      plain.delete(id);
    } else {
      shardedSet(sharded, id, { id, hlc: at });
      plain.set(id, { id, hlc: at });
    }
  }
  return { sharded, plain };
}

describe('sharded records', () => {
  it('hold what a plain record holds, listed in fold order, with no shard left empty (property)', () => {
    fc.assert(
      fc.property(changes, (steps) => {
        const { sharded, plain } = apply(steps);
        for (const [id, entry] of plain) expect(shardedGet(sharded, id)).toEqual(entry);
        const byFoldOrder = [...plain.values()].sort((a, b) =>
          a.hlc !== b.hlc ? (a.hlc < b.hlc ? -1 : 1) : a.id < b.id ? -1 : 1,
        );
        expect(Object.values(flatView(sharded, (e) => e.hlc))).toEqual(byFoldOrder);
        for (const shard of Object.values(sharded)) expect(Object.keys(shard).length).toBeGreaterThan(0);
        // Deleting all that was set leaves the record as if nothing had been.
        for (const id of plain.keys()) shardedDelete(sharded, id);
        expect(sharded).toEqual({});
      }),
    );
  });

  it('makes a copy-on-write change copy one shard and share every other with the state before', () => {
    const immer = new Immer({ autoFreeze: false });
    const ids = Array.from({ length: 2000 }, (_, n) => n.toString(16).padStart(64, String(n % 16)));
    const { sharded } = apply(ids.map((id) => [id, '2026-01-01T00:00:00.000Z']));
    const added = 'ab'.padEnd(64, '0');
    const next = immer.produce(sharded, (draft) => shardedSet(draft, added, { id: added, hlc: 'later' }));
    expect(shardedGet(next, added)?.hlc).toBe('later');
    expect(shardedGet(sharded, added)).toBeUndefined();
    const copied = Object.keys(next).filter((shard) => next[shard] !== sharded[shard]);
    expect(copied).toEqual(['ab']);
  });

  it('builds the flat view once per record', () => {
    const { sharded } = apply([['ab'.padEnd(64, '1'), '2026-01-01T00:00:00.000Z']]);
    expect(flatView(sharded, (e) => e.hlc)).toBe(flatView(sharded, (e) => e.hlc));
  });
});
