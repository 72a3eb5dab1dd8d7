// The critique threads fold like everything else in the group: any order, any duplicates, any
// batching give the same slice, the same board and the same state hash.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appRegistry } from '../group/appRegistry';
import { foldGroup, foldMore, foldSnapshot, stateHash } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { foldInBatches, shuffledDelivery } from '../group/syncDeliveries';
import { REACTIONS } from './critiqueEvents';
import { critiqueBoard } from './critiqueBoard';
import { critiquesOf } from './critiquesSlice';
import {
  SPEECH_MS,
  comment,
  critiqueStory,
  edit,
  evaluation,
  hide,
  react,
  reply,
  resolve,
  retract,
} from './critiqueScenario';

/** A story with every rule in it, including the races and the refusals. */
function richStory() {
  const { groupId, events, coach, ana, anaLaptop, bo, speech } = critiqueStory('property');
  const c1 = comment(ana, 20, speech, 'at 00:02', { atMs: 2_000 });
  const c2 = comment(
    coach,
    20.5,
    speech,
    'the middle',
    { startMs: 30_000, endMs: 45_000 },
    evaluation({ clarity: 4 }),
  );
  const c3 = comment(ana, 21, speech, 'whole speech', undefined, evaluation({ pacing: 2, 'eye-contact': 5 }));
  const r1 = reply(bo, 22, c1.id, 'why?');
  const r2 = reply(ana, 23, r1.id, 'because');
  const more = [
    retract(ana, 24, c1.id), // r1 and r2 stay
    reply(coach, 24, c1.id, 'concurrent with the retraction'),
    edit(ana, 25, c3.id, { text: 'desktop edit' }),
    edit(anaLaptop, 25, c3.id, { text: 'laptop edit', evaluation: evaluation({ pacing: 3 }) }), // same minute: the hlc decides
    edit(bo, 25, c2.id, { text: 'not his' }),
    resolve(bo, 26, c2.id),
    resolve(coach, 26, c2.id, false), // a race between two devices
    resolve(ana, 27, c3.id), // neither speaker nor coach
    react(bo, 27, c3.id, 'heart'),
    react(coach, 27, c3.id, 'bulb'),
    react(bo, 28, c3.id, 'heart', false),
    hide(bo, 28, r2.id),
    hide(coach, 29, r1.id),
    comment(bo, 29, speech, 'past the end', { atMs: SPEECH_MS + 1 }),
    comment(bo, 29, 'e'.repeat(64), 'unknown speech'),
  ];
  return { groupId, events: [...events, c1, c2, c3, r1, r2, ...more] };
}

const fold = (groupId: string, events: GroupEvent[]) => foldGroup(groupId, events, appRegistry);

describe('critiques fold (property)', () => {
  it('gives the same slice, board and hash for any order and duplication of a story with every rule', () => {
    const { groupId, events } = richStory();
    const expected = fold(groupId, events);
    const hash = stateHash(expected);
    const board = critiqueBoard(expected);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat(events.length - 1), { maxLength: 12 }),
        (perm, dups) => {
          const state = fold(groupId, [...perm, ...dups.map((i) => events[i]!)]);
          expect(critiquesOf(state)).toEqual(critiquesOf(expected));
          expect(stateHash(state)).toBe(hash);
          expect(critiqueBoard(state).byRecording).toEqual(board.byRecording);
        },
      ),
      { numRuns: 150 },
    );
  });

  const ops = ['comment', 'range', 'reply', 'edit', 'retract', 'resolve', 'react', 'hide'] as const;
  const action = fc.record({
    actor: fc.nat(3),
    op: fc.constantFrom(...ops),
    target: fc.nat(40),
    flag: fc.boolean(),
    ms: fc.integer({ min: 0, max: SPEECH_MS + 5_000 }),
    minute: fc.integer({ min: 0, max: 60 }),
  });

  it('folds random threads the same whatever the order, duplicates and sync batches', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 25 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat(60), { maxLength: 3 }),
        (actions, random, cuts) => {
          const { groupId, events, coach, ana, anaLaptop, bo, speech } = critiqueStory('random');
          const actors = [coach, ana, anaLaptop, bo];
          const notes: string[] = [];
          const written: GroupEvent[] = [];
          for (const a of actions) {
            const who = actors[a.actor]!;
            // Minutes may go back: a device with a late clock writes events that sort before their parent.
            const m = 20 + a.minute / 2;
            const target = notes.length ? notes[a.target % notes.length]! : 'd'.repeat(64);
            let e: GroupEvent;
            if (a.op === 'comment')
              e = comment(who, m, speech, `c${a.ms}`, a.flag ? { atMs: a.ms } : undefined);
            else if (a.op === 'range')
              e = comment(
                who,
                m,
                speech,
                'r',
                { startMs: a.ms, endMs: a.ms + 1_000 },
                evaluation({ clarity: 1 + (a.ms % 5) }),
              );
            else if (a.op === 'reply') e = reply(who, m, target, `re ${a.ms}`);
            else if (a.op === 'edit') e = edit(who, m, target, { text: `e${a.ms}` });
            else if (a.op === 'retract') e = retract(who, m, target);
            else if (a.op === 'resolve') e = resolve(who, m, target, a.flag);
            else if (a.op === 'react') e = react(who, m, target, REACTIONS[a.ms % 3]!, a.flag);
            else e = hide(who, m, target, a.flag);
            if (a.op === 'comment' || a.op === 'range' || a.op === 'reply') notes.push(e.id);
            written.push(e);
          }
          const all = [...events, ...written];
          const expected = stateHash(fold(groupId, all));
          const shuffled = shuffledDelivery(all, written, [0, 1, 2], random);
          expect(stateHash(fold(groupId, shuffled))).toBe(expected);
          // Delivered in batches, as syncs do: the incremental fold must agree (the slice is JSON-only).
          expect(stateHash(foldInBatches(groupId, shuffled, cuts, appRegistry).state)).toBe(expected);
          const ordered = [...all].sort((x, y) =>
            x.hlc < y.hlc ? -1 : x.hlc > y.hlc ? 1 : x.id < y.id ? -1 : 1,
          );
          let inOrder = foldSnapshot(groupId, ordered.slice(0, events.length), appRegistry);
          for (const e of ordered.slice(events.length)) inOrder = foldMore(inOrder, [e]);
          expect(stateHash(inOrder.state)).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});
