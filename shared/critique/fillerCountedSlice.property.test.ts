// "I counted this speech through" folds like every other critique: in any order, duplication or
// batching the same members count the same recordings, and they are exactly those a model of the rules
// gives: for each member (from any of their devices), their latest say (in (hlc, id) order) wins; a
// declined applicant's or a stranger's say changes nothing, and the speaker's own is never taken.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup, stateHash } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { recordingsOf } from '../group/recordings';
import { scenarioDevice } from '../group/scenario';
import { foldInBatches, shuffledDelivery } from '../group/syncDeliveries';
import type { FillerCountedBody } from './critiqueEvents';
import { critiqueStory, fillerCounted } from './critiqueScenario';
import { fillerCountedOf } from './fillerCountedSlice';
import { fillerCountedBy } from './fillerCounts';

const fold = (groupId: string, events: GroupEvent[]) => foldGroup(groupId, events, appRegistry);
const later = (a: GroupEvent, b: GroupEvent) => a.hlc > b.hlc || (a.hlc === b.hlc && a.id > b.id);

const say = fc.record({
  /** coach, Ana, Ana's laptop, Bo (the speaker), Cy (declined), a stranger. */
  actor: fc.nat(5),
  counted: fc.boolean(),
  /** The shared speech, or one nobody shared. */
  unshared: fc.boolean(),
  minute: fc.integer({ min: 0, max: 60 }),
});

describe('filler counted fold (property)', () => {
  it('keeps each member’s latest say, in any order, duplication and batching', () => {
    fc.assert(
      fc.property(
        fc.array(say, { minLength: 1, maxLength: 24 }),
        fc.infiniteStream(fc.nat()),
        fc.array(fc.nat(60), { maxLength: 6 }),
        fc.array(fc.nat(60), { maxLength: 3 }),
        (says, random, dups, cuts) => {
          const { groupId, events, coach, ana, anaLaptop, bo, speech } = critiqueStory('counted');
          const cy = scenarioDevice('counted', 3); // applied and was declined
          const stranger = scenarioDevice('counted', 9); // never applied
          const actors = [coach, ana, anaLaptop, bo, cy, stranger];
          const unshared = 'e'.repeat(64);
          // Minutes may go back: Ana's laptop with a late clock dates her later say before an earlier one.
          const written = says.map((s) =>
            fillerCounted(actors[s.actor]!, 20 + s.minute / 2, s.unshared ? unshared : speech, s.counted),
          );
          const all = [...events, ...written];
          const expected = fold(groupId, all);

          // The model: per member, their latest say about the shared speech.
          const members = new Set([coach, ana, bo].map((d) => d.key.keyId));
          const latest = new Map<string, GroupEvent>();
          for (const e of written) {
            if (!members.has(e.author) || (e.body as FillerCountedBody).recording !== speech) continue;
            const before = latest.get(e.author);
            if (!before || later(e, before)) latest.set(e.author, e);
          }
          const model = [...latest]
            .filter(([author, e]) => author !== bo.key.keyId && (e.body as FillerCountedBody).counted)
            .map(([author]) => author)
            .sort();
          const recording = recordingsOf(expected)[speech]!;
          expect(fillerCountedBy(fillerCountedOf(expected), recording)).toEqual(model);

          const shuffled = shuffledDelivery(all, written, dups, random);
          const again = fold(groupId, shuffled);
          expect(fillerCountedOf(again)).toEqual(fillerCountedOf(expected));
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
