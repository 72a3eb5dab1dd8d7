import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { appRegistry } from '../group/appRegistry';
import { foldGroup, stateHash } from '../group/fold';
import {
  ASSIGNMENT_CANCELLED,
  ASSIGNMENT_EDITED,
  ASSIGNMENT_POSTPONED,
  CHECK_IN_RULED,
  CHECK_IN_SUBMITTED,
} from './ruleEvents';
import { rulesStateOf } from './rulesState';
import { DEFAULT_RULES, offlineGraceHours, rulesInForce } from './rulesInForce';
import {
  assignmentBody,
  checkIn,
  createAssignment,
  eventAt,
  pardon,
  pause,
  revive,
  ruleCheckIn,
  rulesGroup,
  setRules,
  weeklyFromMarch2,
} from './rulesScenario';

const T0 = Date.UTC(2026, 2, 1, 1, 0);
const g = rulesGroup('slice', 'Asia/Shanghai', 3, T0);
const [ana, bo] = g.members as [(typeof g.members)[0], (typeof g.members)[0]];
const once = assignmentBody({ repeat: 'once', submitBy: '2026-03-08T21:00', critiqueBy: '2026-03-10T21:00' });
const created = createAssignment(g.coach, g.ready, once);
const fold = (events: typeof g.events) => foldGroup(g.groupId, events, appRegistry);

describe('rulesSlice', () => {
  it('records assignments, edits, postponements, cancellations and check-ins', () => {
    const state = fold([
      ...g.events,
      created,
      eventAt(g.coach, g.ready + 1000, ASSIGNMENT_EDITED, { assignment: created.id, title: '新题目' }),
      eventAt(g.coach, g.ready + 2000, ASSIGNMENT_POSTPONED, {
        assignment: created.id,
        submitBy: '2026-03-09T21:00',
        critiqueBy: '2026-03-11T21:00',
      }),
      ...checkIn(ana, g.ready + 3000, created.id, 1, '紧张但完成了'),
      ...checkIn(ana, g.ready + 4000, created.id),
    ]);
    const rules = rulesStateOf(state);
    const a = rules.assignments[created.id]!;
    expect(a).toMatchObject({
      title: '新题目',
      moved: { 1: { submitBy: '2026-03-09T21:00' } },
      cancelled: [],
    });
    const mine = rules.checkIns[`${created.id}#1`]![ana.key.keyId]!;
    expect(mine.map((c) => c.reflection)).toEqual(['紧张但完成了', undefined]);
    const cancelled = rulesStateOf(
      fold([
        ...g.events,
        created,
        eventAt(g.coach, g.ready + 1, ASSIGNMENT_CANCELLED, { assignment: created.id }),
      ]),
    );
    expect(cancelled.assignments[created.id]!.endedAt).toBeDefined();
  });

  it('lets only coaches set assignments, rules, pardons and revivals; members pause only themselves', () => {
    const state = fold([
      ...g.events,
      createAssignment(ana, g.ready, once),
      setRules(ana, g.ready, DEFAULT_RULES),
      pardon(ana, g.ready, bo.key.keyId, created.id),
      revive(ana, g.ready, bo.key.keyId),
      pause(ana, g.ready, bo.key.keyId, '2026-03-01', '2026-03-31'),
      pause(ana, g.ready + 1, ana.key.keyId, '2026-03-01', '2026-03-31'),
      pause(g.coach, g.ready + 2, bo.key.keyId, '2026-03-01', '2026-03-31'),
    ]);
    const rules = rulesStateOf(state);
    expect(rules.assignments).toEqual({});
    expect(rules.rules).toEqual([]);
    expect(rules.pardons).toEqual([]);
    expect(rules.revivals).toEqual([]);
    expect(rules.pauses.map((p) => [p.member === ana.key.keyId, p.byCoach])).toEqual([
      [true, false],
      [false, true],
    ]);
  });

  it('ignores check-ins for unknown assignments or occurrences, and bodies that fail their schema', () => {
    const state = fold([
      ...g.events,
      created,
      ...checkIn(ana, g.ready + 1000, 'f'.repeat(64)),
      ...checkIn(ana, g.ready + 2000, created.id, 2),
      setRules(g.coach, g.ready + 3000, { ...DEFAULT_RULES, critiquesPerAssignment: -1 }),
      createAssignment(g.coach, g.ready + 4000, {
        ...once,
        schedule: { repeat: 'once', submitBy: '2026-03-10T21:00', critiqueBy: '2026-03-08T21:00' },
      }),
    ]);
    const rules = rulesStateOf(state);
    expect(rules.checkIns).toEqual({});
    expect(rules.rules).toEqual([]);
    expect(Object.keys(rules.assignments)).toEqual([created.id]);
  });

  it('records evaluation criteria from coaches only, and leaves no trace of them when absent', () => {
    const withCriteria = createAssignment(g.coach, g.ready, { ...once, criteria: ['开场', ' 眼神交流'] });
    const state = rulesStateOf(
      fold([
        ...g.events,
        created,
        withCriteria,
        setRules(g.coach, g.ready + 10, { ...DEFAULT_RULES, criteria: ['clarity', '幽默'] }),
        setRules(ana, g.ready + 20, { ...DEFAULT_RULES, criteria: ['mine'] }),
        eventAt(ana, g.ready + 30, ASSIGNMENT_EDITED, { assignment: withCriteria.id, criteria: ['mine'] }),
        eventAt(g.coach, g.ready + 40, ASSIGNMENT_EDITED, {
          assignment: created.id,
          occurrence: 1,
          criteria: ['故事'],
        }),
      ]),
    );
    expect(state.assignments[withCriteria.id]!.criteria).toEqual(['开场', '眼神交流']);
    expect(state.assignments[created.id]!.edits[1]).toEqual({ criteria: ['故事'] });
    expect(state.rules.map((r) => r.criteria)).toEqual([['clarity', '幽默']]);
    // An old event without the field folds exactly as before: no key, not even an undefined one.
    const plain = rulesStateOf(fold([...g.events, created, setRules(g.coach, g.ready + 10, DEFAULT_RULES)]));
    expect('criteria' in plain.assignments[created.id]!).toBe(false);
    expect('criteria' in plain.rules[0]!).toBe(false);

    const cleared = rulesStateOf(
      fold([
        ...g.events,
        withCriteria,
        eventAt(g.coach, g.ready + 10, ASSIGNMENT_EDITED, {
          assignment: withCriteria.id,
          occurrence: 1,
          criteria: ['故事'],
        }),
        eventAt(g.coach, g.ready + 20, ASSIGNMENT_EDITED, { assignment: withCriteria.id, criteria: null }),
        eventAt(g.coach, g.ready + 30, ASSIGNMENT_EDITED, {
          assignment: withCriteria.id,
          occurrence: 1,
          criteria: null,
        }),
      ]),
    ).assignments[withCriteria.id]!;
    expect('criteria' in cleared).toBe(false);
    expect(cleared.edits[1]).toEqual({});
  });

  it('records coaches’ rulings on check-ins the group has, in order; nothing else, and no trace when none', () => {
    const checkedIn = checkIn(ana, g.ready + 1000, created.id);
    const id = checkedIn.find((e) => e.kind === CHECK_IN_SUBMITTED)!.id;
    const state = rulesStateOf(
      fold([
        ...g.events,
        created,
        ...checkedIn,
        ruleCheckIn(g.coach, g.ready + 2000, id),
        ruleCheckIn(bo, g.ready + 2500, id, false), // not a coach
        ruleCheckIn(g.coach, g.ready + 3000, 'f'.repeat(64)), // no such check-in
        eventAt(g.coach, g.ready + 3500, CHECK_IN_RULED, { checkIn: id, late: true, note: 'x' }), // strict body
        ruleCheckIn(g.coach, g.ready + 4000, id, false),
      ]),
    );
    expect(state.rulings?.map((r) => [r.checkIn === id, r.late])).toEqual([
      [true, true],
      [true, false],
    ]);
    // Before any ruling the slice has no `rulings` key, so older groups keep their state hash.
    expect('rulings' in rulesStateOf(fold([...g.events, created, ...checkedIn]))).toBe(false);
  });

  it('keeps an offline grace only when a rules.set gives one; left out, it reads as 24 hours', () => {
    const state = rulesStateOf(
      fold([
        ...g.events,
        setRules(g.coach, g.ready + 10, DEFAULT_RULES),
        setRules(g.coach, g.ready + 20, { ...DEFAULT_RULES, offlineGraceHours: 48 }),
        setRules(g.coach, g.ready + 30, { ...DEFAULT_RULES, offlineGraceHours: 0 }), // out of range
        setRules(g.coach, g.ready + 40, { ...DEFAULT_RULES, offlineGraceHours: 169 }),
        setRules(g.coach, g.ready + 50, { ...DEFAULT_RULES, offlineGraceHours: 1.5 }),
      ]),
    );
    expect(state.rules.map((r) => r.offlineGraceHours)).toEqual([undefined, 48]);
    expect('offlineGraceHours' in state.rules[0]!).toBe(false);
    expect(offlineGraceHours(rulesInForce(state.rules, g.ready + 15))).toBe(24);
    expect(rulesInForce(state.rules, g.ready + 25)).toMatchObject({ offlineGraceHours: 48, version: 2 });
    expect(offlineGraceHours(rulesInForce([], 0))).toBe(24);
  });

  it('numbers rules versions in order and folds to the same hash for any order and duplication (property)', () => {
    const series = createAssignment(g.coach, g.ready + 10, assignmentBody(weeklyFromMarch2));
    const all = [
      ...g.events,
      created,
      series,
      setRules(g.coach, g.ready + 20, DEFAULT_RULES),
      setRules(g.coach, g.ready + 30, { ...DEFAULT_RULES, critiquesPerAssignment: 3, criteria: ['开场'] }),
      createAssignment(g.coach, g.ready + 31, { ...once, criteria: ['眼神交流', 'pacing'] }),
      eventAt(g.coach, g.ready + 32, ASSIGNMENT_EDITED, { assignment: series.id, criteria: ['故事'] }),
      eventAt(g.coach, g.ready + 33, ASSIGNMENT_EDITED, {
        assignment: series.id,
        occurrence: 2,
        criteria: ['幽默'],
      }),
      eventAt(g.coach, g.ready + 34, ASSIGNMENT_EDITED, { assignment: series.id, criteria: null }),
      eventAt(g.coach, g.ready + 34, ASSIGNMENT_EDITED, {
        assignment: series.id,
        occurrence: 3,
        criteria: null,
      }),
      ...checkIn(ana, g.ready + 40, series.id, 1),
      ...checkIn(ana, g.ready + 50, series.id, 1),
      ...checkIn(bo, g.ready + 60, created.id),
      pause(bo, g.ready + 70, bo.key.keyId, '2026-03-10', '2026-03-20'),
      pardon(g.coach, g.ready + 80, ana.key.keyId, series.id, 2),
      setRules(g.coach, g.ready + 85, { ...DEFAULT_RULES, offlineGraceHours: 12 }),
    ];
    const anasFirst = all.find((e) => e.kind === CHECK_IN_SUBMITTED && e.author === ana.key.keyId)!.id;
    all.push(
      ruleCheckIn(g.coach, g.ready + 90, anasFirst),
      ruleCheckIn(g.coach, g.ready + 95, anasFirst, false),
    );
    const expected = stateHash(fold(all));
    expect(rulesStateOf(fold(all)).rules.map((r) => r.version)).toEqual([1, 2, 3]);
    expect(rulesStateOf(fold(all)).rulings).toHaveLength(2);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(all, { minLength: all.length, maxLength: all.length }),
        fc.array(fc.nat(all.length - 1), { maxLength: 8 }),
        (perm, dups) => {
          expect(stateHash(fold([...perm, ...dups.map((i) => all[i]!)]))).toBe(expected);
        },
      ),
      { numRuns: 100 },
    );
  });
});
