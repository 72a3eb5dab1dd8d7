// A coach's ruling on a check-in (checkin.ruled) in the standings: a check-in counted late scores as
// a late one, the latest ruling up to asOf wins, undoing equals never ruling, and nobody but a coach
// changes anything. Standings stay a function of the folded state alone.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { rulingsAt } from './rulingsAt';
import { expandSchedule } from './expandSchedule';
import type { RulesSetBody, WeeklySchedule } from './ruleEvents';
import { CHECK_IN_SUBMITTED } from './ruleEvents';
import {
  assignmentBody,
  checkIn,
  createAssignment,
  ruleCheckIn,
  rulesGroup,
  setRules,
} from './rulesScenario';
import { rulesStateOf } from './rulesState';
import { computeStandings } from './standings';
import { zonedInstant } from './zonedTime';

const HOUR = 3_600_000;
const T0 = Date.UTC(2026, 1, 23, 1, 0); // Monday 2026-02-23
const weekly: WeeklySchedule = {
  repeat: 'weekly',
  startsOn: '2026-03-02',
  submitBy: { weekday: 'sun', time: '21:00' },
  critiqueBy: { weekday: 'tue', time: '21:00' },
  occurrences: 2,
};
const RULES: RulesSetBody = {
  points: { onTime: 10, late: 5, critique: 2, missPenalty: 5, critiqueMissPenalty: 1 },
  out: { missesInARow: 2 },
  critiquesPerAssignment: 1,
};

const g = rulesGroup('rulings', 'Asia/Shanghai', 3, T0);
const series = createAssignment(g.coach, g.ready, assignmentBody(weekly));
const [d1, d2] = expandSchedule(weekly).map((d) => ({
  submit: zonedInstant(d.submitBy, 'Asia/Shanghai'),
  critique: zonedInstant(d.critiqueBy, 'Asia/Shanghai'),
})) as [{ submit: number; critique: number }, { submit: number; critique: number }];
const base = [...g.events, series, setRules(g.coach, g.ready + 1, RULES)];
const fold = (events: GroupEvent[]) => foldGroup(g.groupId, [...base, ...events], appRegistry);
const stand = (events: GroupEvent[], asOf: number) => computeStandings(fold(events), [], asOf);
const keys = g.members.map((m) => m.key.keyId);
const of = (s: ReturnType<typeof stand>, i: number) => s.members.find((m) => m.member === keys[i])!;
const idOf = (events: GroupEvent[]) => events.find((e) => e.kind === CHECK_IN_SUBMITTED)!.id;

/** All three members on time in week 1, by an hour. */
const week1 = g.members.map((m) => checkIn(m, d1.submit - HOUR, series.id, 1));
const onTime = week1.flat();

describe('checkin.ruled in the standings', () => {
  it('scores a check-in counted late as late, out of the critique circle, from the ruling on', () => {
    const ruling = ruleCheckIn(g.coach, d1.submit + 30 * HOUR, idOf(week1[0]!));
    const before = stand([...onTime, ruling], d1.submit + 29 * HOUR);
    expect(of(before, 0).history[0]).toMatchObject({ outcome: 'on-time' });
    const after = stand([...onTime, ruling], d1.critique + 1);
    expect(of(after, 0).history[0]).toMatchObject({ outcome: 'late', critiquesOwed: [], points: 5 });
    expect(of(after, 0).counts).toMatchObject({ onTime: 0, late: 1 });
    // The other two now owe each other their one critique.
    expect(of(after, 1).history[0]!.critiquesOwed).toEqual([keys[2]]);
    expect(of(after, 2).history[0]!.critiquesOwed).toEqual([keys[1]]);
  });

  it('lets the latest ruling win, and falls back to an earlier on-time check-in of the same member', () => {
    const first = checkIn(g.members[0]!, d1.submit - 5 * HOUR, series.id, 1);
    const second = week1[0]!;
    const late = ruleCheckIn(g.coach, d1.submit + 30 * HOUR, idOf(second));
    const undo = ruleCheckIn(g.coach, d1.submit + 31 * HOUR, idOf(second), false);
    const asOf = d1.critique + 1;
    const counted = (events: GroupEvent[]) => of(stand(events, asOf), 0).history[0]!;
    expect(counted([...first, ...second, late])).toMatchObject({ outcome: 'on-time', checkIn: idOf(first) });
    expect(counted([...second, late, undo])).toMatchObject({ outcome: 'on-time', checkIn: idOf(second) });
    // Rulings on a week-1 check-in leave week 2 alone.
    const w2 = checkIn(g.members[0]!, d2.submit - HOUR, series.id, 2);
    expect(of(stand([...second, ...w2, late], d2.critique + 1), 0).history.map((h) => h.outcome)).toEqual([
      'late',
      'on-time',
    ]);
  });

  it('reads the latest ruling per check-in up to a moment', () => {
    const id = idOf(week1[0]!);
    const rules = rulesStateOf(
      fold([
        ...onTime,
        ruleCheckIn(g.coach, d1.submit + HOUR, id),
        ruleCheckIn(g.coach, d1.submit + 2 * HOUR, id, false),
      ]),
    );
    expect(rulingsAt(rules, d1.submit).latest(id)).toBeUndefined();
    expect(rulingsAt(rules, d1.submit + HOUR).countsLate(id)).toBe(true);
    expect(rulingsAt(rules, d1.submit + 2 * HOUR).countsLate(id)).toBe(false);
    expect(rulingsAt(rules, d1.submit + 2 * HOUR).latest(id)?.late).toBe(false);
  });

  it('equals no ruling when a late ruling is undone later (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -72, max: 60 }), { minLength: 3, maxLength: 3 }),
        fc.nat(2),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: 1, max: 60 }),
        fc.integer({ min: 0, max: 40 }),
        (offsets, who, lateAt, gap, after) => {
          const events = g.members.flatMap((m, i) =>
            checkIn(m, d1.submit + offsets[i]! * HOUR, series.id, 1),
          );
          const target = events.filter((e) => e.kind === CHECK_IN_SUBMITTED)[who]!.id;
          const t1 = d1.submit + lateAt * HOUR;
          const t2 = t1 + gap * HOUR;
          const ruled = [ruleCheckIn(g.coach, t1, target), ruleCheckIn(g.coach, t2, target, false)];
          const asOf = t2 + after * HOUR;
          expect(stand([...events, ...ruled], asOf)).toEqual(stand(events, asOf));
        },
      ),
      { numRuns: 60 },
    );
  });

  it('never changes the standings for rulings by members who are not coaches (property)', () => {
    const ids = week1.map(idOf);
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            by: fc.nat(2),
            target: fc.nat(2),
            late: fc.boolean(),
            at: fc.integer({ min: -2, max: 60 }),
          }),
          { minLength: 1, maxLength: 5 },
        ),
        fc.integer({ min: 0, max: 60 }),
        (rulings, asOfHours) => {
          const events = rulings.map((r) =>
            ruleCheckIn(g.members[r.by]!, d1.submit + r.at * HOUR, ids[r.target]!, r.late),
          );
          const asOf = d1.submit + asOfHours * HOUR;
          expect(rulesStateOf(fold([...onTime, ...events])).rulings).toBeUndefined();
          expect(stand([...onTime, ...events], asOf)).toEqual(stand(onTime, asOf));
        },
      ),
      { numRuns: 60 },
    );
  });
});
