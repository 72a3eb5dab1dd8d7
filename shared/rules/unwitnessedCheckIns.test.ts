// "On time, unwitnessed": an on-time check-in nobody else saw within the offline grace is flagged, a
// ruled one is offered for undo, and nothing is flagged where witnesses cannot be known (format 1).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { formatHlc } from '../group/hlc';
import { rulingsAt } from './rulingsAt';
import { listOccurrences } from './listOccurrences';
import { CHECK_IN_SUBMITTED } from './ruleEvents';
import { DEFAULT_RULES } from './rulesInForce';
import {
  assignmentBody,
  checkIn,
  createAssignment,
  ruleCheckIn,
  rulesGroup,
  setRules,
} from './rulesScenario';
import { emptyRulesState, rulesStateOf } from './rulesState';
import type { CheckIn, RulesState } from './rulesState';
import { unwitnessedCheckIn, unwitnessedCheckIns } from './unwitnessedCheckIns';
import type { WitnessedAt } from './unwitnessedCheckIns';

const HOUR = 3_600_000;
const submitDeadline = Date.UTC(2026, 2, 8, 13, 0); // Sunday 21:00 in Shanghai
const critiqueDeadline = submitDeadline + 48 * HOUR;
const deadlines = { submitDeadline, critiqueDeadline };
const hlc = (millis: number, node = '0123456789abcdef') => formatHlc({ millis, counter: 0, node });
const at = (millis: number): CheckIn => ({ id: `c${millis}`, hlc: hlc(millis), recording: `r${millis}` });
const seenAt =
  (times: Record<string, number>): WitnessedAt =>
  (id) =>
    times[id] === undefined ? null : hlc(times[id], 'fedcba9876543210');
const noRulings = rulingsAt(emptyRulesState(), Infinity);
const options = (asOf: number, witnessedAt: WitnessedAt | null, rulings = noRulings) => ({
  asOf,
  graceHours: 24,
  witnessedAt,
  rulings,
});
const limit = submitDeadline + 24 * HOUR;

/** A rules state holding only rulings, each `[check-in, late, at]`, for rulingsAt. */
const ruled = (...rs: [string, boolean, number][]): RulesState => ({
  ...emptyRulesState(),
  rulings: rs.map(([checkIn, late, when], i) => ({
    id: String(i).padStart(64, '0'),
    checkIn,
    late,
    at: hlc(when),
  })),
});

describe('unwitnessedCheckIn', () => {
  const c = at(submitDeadline - HOUR);

  it('flags an on-time check-in first seen after the grace, or not seen once the grace is over', () => {
    expect(
      unwitnessedCheckIn([c], deadlines, options(limit + HOUR, seenAt({ [c.id]: limit }))),
    ).toBeUndefined();
    expect(unwitnessedCheckIn([c], deadlines, options(limit + HOUR, seenAt({ [c.id]: limit + 1 })))).toEqual({
      checkIn: c.id,
      hlc: c.hlc,
      witnessedAt: hlc(limit + 1, 'fedcba9876543210'),
      ruledLate: false,
    });
    expect(unwitnessedCheckIn([c], deadlines, options(limit, seenAt({})))).toBeUndefined();
    expect(unwitnessedCheckIn([c], deadlines, options(limit + 1, seenAt({})))).toEqual({
      checkIn: c.id,
      hlc: c.hlc,
      ruledLate: false,
    });
    // A sighting after asOf had not happened yet at asOf.
    const early = unwitnessedCheckIn(
      [c],
      deadlines,
      options(limit + 5, seenAt({ [c.id]: limit + 10 * HOUR })),
    );
    expect(early).toEqual({ checkIn: c.id, hlc: c.hlc, ruledLate: false });
  });

  it('flags nothing where witnesses cannot be known, nor late check-ins', () => {
    expect(unwitnessedCheckIn([c], deadlines, options(critiqueDeadline, null))).toBeUndefined();
    const late = at(submitDeadline + 1);
    expect(unwitnessedCheckIn([late], deadlines, options(critiqueDeadline, seenAt({})))).toBeUndefined();
  });

  it('offers the check-in a coach counted late for undo, whether or not it was seen in time', () => {
    const rulings = rulingsAt(ruled([c.id, true, limit + HOUR]), Infinity);
    const seen = seenAt({ [c.id]: submitDeadline });
    expect(unwitnessedCheckIn([c], deadlines, options(limit + 2 * HOUR, seen, rulings))).toEqual({
      checkIn: c.id,
      hlc: c.hlc,
      witnessedAt: hlc(submitDeadline, 'fedcba9876543210'),
      ruledLate: true,
    });
    expect(unwitnessedCheckIn([c], deadlines, options(limit + 2 * HOUR, null, rulings))).toMatchObject({
      ruledLate: true,
    });
    // Undone: flagged again as unwitnessed, for the coach to decide anew.
    const undone = rulingsAt(ruled([c.id, true, limit + HOUR], [c.id, false, limit + 2 * HOUR]), Infinity);
    expect(unwitnessedCheckIn([c], deadlines, options(limit + 3 * HOUR, seenAt({}), undone))).toMatchObject({
      checkIn: c.id,
      ruledLate: false,
    });
  });

  it('shows the counting check-in when an earlier one was counted late, and the latest ruling once none is left', () => {
    const first = at(submitDeadline - 5 * HOUR);
    const second = c;
    const asOf = limit + 5 * HOUR;
    const one = rulingsAt(ruled([second.id, true, limit + HOUR]), Infinity);
    expect(unwitnessedCheckIn([first, second], deadlines, options(asOf, seenAt({}), one))).toMatchObject({
      checkIn: first.id,
      ruledLate: false,
    });
    const both = rulingsAt(
      ruled([second.id, true, limit + HOUR], [first.id, true, limit + 2 * HOUR]),
      Infinity,
    );
    expect(unwitnessedCheckIn([first, second], deadlines, options(asOf, seenAt({}), both))).toMatchObject({
      checkIn: first.id,
      ruledLate: true,
    });
  });

  it('flags exactly when the grace ended before asOf with no sighting by then (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -48, max: 0 }),
        fc.option(fc.integer({ min: 0, max: 96 })),
        fc.integer({ min: 0, max: 96 }),
        fc.integer({ min: 1, max: 168 }),
        (claimed, seen, asOfHours, graceHours) => {
          const check = at(submitDeadline + claimed * HOUR);
          const asOf = submitDeadline + asOfHours * HOUR;
          const sighting = seen === null ? null : submitDeadline + seen * HOUR;
          const flagged = unwitnessedCheckIn([check], deadlines, {
            ...options(asOf, seenAt(sighting === null ? {} : { [check.id]: sighting })),
            graceHours,
          });
          const end = submitDeadline + graceHours * HOUR;
          const seenBy = sighting !== null && sighting <= asOf ? sighting : null;
          expect(flagged !== undefined).toBe(asOf > end && !(seenBy !== null && seenBy <= end));
          if (flagged)
            expect(flagged.witnessedAt).toBe(seenBy === null ? undefined : hlc(seenBy, 'fedcba9876543210'));
        },
      ),
      { numRuns: 300 },
    );
  });
});

describe('unwitnessedCheckIns', () => {
  const T0 = Date.UTC(2026, 2, 1, 1, 0);
  const g = rulesGroup('unwitnessed', 'Asia/Shanghai', 2, T0);
  const once = assignmentBody({
    repeat: 'once',
    submitBy: '2026-03-08T21:00',
    critiqueBy: '2026-03-10T21:00',
  });
  const created = createAssignment(g.coach, g.ready, once);
  const [ana, bo] = g.members as [(typeof g.members)[0], (typeof g.members)[0]];
  const anas = checkIn(ana, submitDeadline - HOUR, created.id);
  const bos = checkIn(bo, submitDeadline - 2 * HOUR, created.id);
  const idOf = (events: GroupEvent[]) => events.find((e) => e.kind === CHECK_IN_SUBMITTED)!.id;
  const fold = (...more: GroupEvent[]) =>
    foldGroup(g.groupId, [...g.events, created, ...anas, ...bos, ...more], appRegistry);
  const occurrenceOf = (state: ReturnType<typeof fold>) =>
    listOccurrences(rulesStateOf(state), 'Asia/Shanghai').find((o) => o.assignment === created.id)!;

  it('uses the offline grace of the rules in force at the deadline, per member', () => {
    const witnesses = seenAt({
      [idOf(anas)]: submitDeadline + 30 * HOUR,
      [idOf(bos)]: submitDeadline + HOUR,
    });
    const asOf = submitDeadline + 40 * HOUR;
    const plain = fold();
    expect(occurrenceOf(plain).submitDeadline).toBe(submitDeadline);
    expect([...unwitnessedCheckIns(plain, occurrenceOf(plain), asOf, witnesses).keys()]).toEqual([
      ana.key.keyId,
    ]);
    const generous = fold(setRules(g.coach, g.ready + 1, { ...DEFAULT_RULES, offlineGraceHours: 36 }));
    expect(unwitnessedCheckIns(generous, occurrenceOf(generous), asOf, witnesses).size).toBe(0);
    // Raised after the deadline, the grace does not apply to that week.
    const late = fold(setRules(g.coach, submitDeadline + HOUR, { ...DEFAULT_RULES, offlineGraceHours: 36 }));
    expect(unwitnessedCheckIns(late, occurrenceOf(late), asOf, witnesses).size).toBe(1);
    expect(unwitnessedCheckIns(plain, occurrenceOf(plain), asOf, null).size).toBe(0);
  });

  it('reports a coach’s ruling, and only a coach’s', () => {
    const witnesses = seenAt({});
    const asOf = submitDeadline + 40 * HOUR;
    const byCoach = fold(ruleCheckIn(g.coach, submitDeadline + 30 * HOUR, idOf(anas)));
    expect(
      unwitnessedCheckIns(byCoach, occurrenceOf(byCoach), asOf, witnesses).get(ana.key.keyId),
    ).toMatchObject({
      ruledLate: true,
    });
    const byMember = fold(ruleCheckIn(bo, submitDeadline + 30 * HOUR, idOf(anas)));
    expect(
      unwitnessedCheckIns(byMember, occurrenceOf(byMember), asOf, witnesses).get(ana.key.keyId),
    ).toMatchObject({
      ruledLate: false,
    });
  });
});
