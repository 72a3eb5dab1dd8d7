import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { GroupEvent } from '../../../shared/group/groupEvent';
import { KeptEvents } from './keptEvents';

const hexId = fc.stringMatching(/^[0-9a-f]{64}$/);

/** A fresh copy, as each read of a file gives: new objects, new strings. */
const freshCopy = (e: GroupEvent): GroupEvent => JSON.parse(JSON.stringify(e)) as GroupEvent;

/**
 * Events linking to one another and to ids never held, read in any order, some read twice (a
 * conflict copy, a compaction): the links are made to share strings along the way.
 */
const readings = fc.uniqueArray(hexId, { minLength: 1, maxLength: 30 }).chain((ids) =>
  fc.record({
    events: fc.tuple(
      ...ids.map((id) =>
        fc
          .uniqueArray(fc.oneof(fc.constantFrom(...ids), hexId), { maxLength: 8 })
          .map((prev): GroupEvent => ({
            id,
            hlc: '2026-01-01T00:00:00.000Z-0000-0000000000000001',
            author: 'a'.repeat(64),
            kind: 'note.added',
            body: null,
            prev,
          })),
      ),
    ),
    order: fc.array(fc.nat({ max: ids.length - 1 }), { minLength: 1, maxLength: 60 }),
  }),
);

describe('KeptEvents', () => {
  it('holds each event once, with the id and links it was read with, whatever the order of reading', () => {
    fc.assert(
      fc.property(readings, ({ events, order }) => {
        const kept = new KeptEvents();
        const firstTime = new Set<string>();
        for (const at of order) {
          const e = events[at]!;
          expect(kept.add(freshCopy(e))).toBe(!firstTime.has(e.id));
          firstTime.add(e.id);
        }
        expect([...kept.events.keys()].sort()).toEqual([...firstTime].sort());
        for (const [id, held] of kept.events) {
          const original = events.find((e) => e.id === id)!;
          expect(held.id).toBe(id);
          expect(held.prev).toEqual(original.prev);
        }
      }),
    );
  });

  it('a forgotten event read again is held again, its links as they were', () => {
    const a = {
      id: 'a'.repeat(64),
      hlc: '2026-01-01T00:00:00.000Z-0000-0000000000000001',
      author: 'c'.repeat(64),
      kind: 'note.added',
      body: null,
      prev: [],
    } as GroupEvent;
    const b = { ...a, id: 'b'.repeat(64), prev: [a.id] } as GroupEvent;
    const kept = new KeptEvents();
    kept.add(freshCopy(b));
    kept.add(freshCopy(a));
    expect(kept.forget(a.id)?.id).toBe(a.id);
    expect(kept.add(freshCopy(a))).toBe(true);
    expect(kept.events.get(b.id)?.prev).toEqual([a.id]);
    expect([...kept.authors()]).toEqual(['c'.repeat(64)]);
  });
});
