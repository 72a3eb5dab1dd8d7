// The Ah-Counter's marks fold like every other critique: any order and any duplication of marks and
// withdrawals give the same marks and state hash, and the marks are exactly those a model of the
// rules keeps: a member's mark stays until that member (from any of their devices) withdraws it;
// a non-member's or a stranger's marks, and anyone's withdrawal of someone else's mark, change nothing.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appRegistry } from '../group/appRegistry';
import { foldGroup, stateHash } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { scenarioDevice } from '../group/scenario';
import { foldInBatches, shuffledDelivery } from '../group/syncDeliveries';
import { FILLER_WORDS } from './critiqueEvents';
import type { FillerBody, FillerWithdrawBody } from './critiqueEvents';
import { SPEECH_MS, critiqueStory, filler, withdrawFiller } from './critiqueScenario';
import { fillerMarksOf } from './fillerMarksSlice';

const fold = (groupId: string, events: GroupEvent[]) => foldGroup(groupId, events, appRegistry);
const later = (a: GroupEvent, b: GroupEvent) => a.hlc > b.hlc || (a.hlc === b.hlc && a.id > b.id);

const action = fc.record({
  /** coach, Ana, Ana's laptop, Bo (the speaker), Cy (declined), a stranger. */
  actor: fc.nat(5),
  withdraw: fc.boolean(),
  target: fc.nat(40),
  word: fc.option(fc.constantFrom(...FILLER_WORDS), { nil: undefined }),
  ms: fc.integer({ min: 0, max: SPEECH_MS }),
  minute: fc.integer({ min: 0, max: 60 }),
});

describe('filler marks fold (property)', () => {
  it('keeps exactly the members’ marks their own authors have not withdrawn, in any order and duplication', () => {
    fc.assert(
      fc.property(
        fc.array(action, { minLength: 1, maxLength: 30 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat(80), { maxLength: 6 }),
        fc.array(fc.nat(80), { maxLength: 3 }),
        (actions, random, dups, cuts) => {
          const { groupId, events, coach, ana, anaLaptop, bo, speech } = critiqueStory('fillers');
          const cy = scenarioDevice('fillers', 3); // applied and was declined
          const stranger = scenarioDevice('fillers', 9); // never applied
          const actors = [coach, ana, anaLaptop, bo, cy, stranger];
          const marks: GroupEvent[] = [];
          const withdrawals: GroupEvent[] = [];
          for (const a of actions) {
            const who = actors[a.actor]!;
            // Minutes may go back: a device with a late clock dates a withdrawal before its mark.
            const m = 20 + a.minute / 2;
            if (a.withdraw && marks.length)
              withdrawals.push(withdrawFiller(who, m, marks[a.target % marks.length]!.id));
            else marks.push(filler(who, m, speech, a.ms, a.word));
          }
          const written = [...marks, ...withdrawals];
          const all = [...events, ...written];
          const expected = fold(groupId, all);

          // The model: which marks must stay.
          const members = new Set([coach, ana, bo].map((d) => d.key.keyId));
          const kept = marks.filter(
            (mark) =>
              members.has(mark.author) &&
              !withdrawals.some(
                (w) =>
                  (w.body as FillerWithdrawBody).target === mark.id &&
                  w.author === mark.author &&
                  later(w, mark),
              ),
          );
          const folded = fillerMarksOf(expected);
          expect(Object.keys(folded).sort()).toEqual(kept.map((k) => k.id).sort());
          for (const mark of kept) {
            const body = mark.body as FillerBody;
            expect(folded[mark.id]).toEqual({
              id: mark.id,
              author: mark.author,
              hlc: mark.hlc,
              recording: body.recording,
              atMs: body.atMs,
              ...(body.word !== undefined && { word: body.word }),
            });
          }

          // Any order, with duplicates, in one fold or in sync batches: the same marks and hash.
          const shuffled = shuffledDelivery(all, written, dups, random);
          const again = fold(groupId, shuffled);
          expect(fillerMarksOf(again)).toEqual(folded);
          expect(stateHash(again)).toBe(stateHash(expected));
          expect(stateHash(foldInBatches(groupId, shuffled, cuts, appRegistry).state)).toBe(
            stateHash(expected),
          );
        },
      ),
      { numRuns: 150 },
    );
  });
});
