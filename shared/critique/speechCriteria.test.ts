import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import { ASSIGNMENT_EDITED } from '../rules/ruleEvents';
import { DEFAULT_RULES } from '../rules/rulesInForce';
import {
  assignmentBody,
  checkIn,
  createAssignment,
  eventAt,
  rulesGroup,
  setRules,
  weeklyFromMarch2,
} from '../rules/rulesScenario';
import { rulesStateOf } from '../rules/rulesState';
import { DEFAULT_CRITERIA } from './criteria';
import { speechCriteria } from './speechCriteria';

const T0 = Date.UTC(2026, 2, 1, 1, 0);
const g = rulesGroup('criteria', 'Asia/Shanghai', 2, T0);
const [ana, bo] = g.members as [(typeof g.members)[0], (typeof g.members)[0]];
const weekly = assignmentBody(weeklyFromMarch2);

describe('speechCriteria', () => {
  const series = createAssignment(g.coach, g.ready, { ...weekly, criteria: ['开场', '眼神交流'] });
  const plain = createAssignment(g.coach, g.ready + 1, weekly);
  const week1 = checkIn(ana, g.ready + 100, series.id, 1);
  const week2 = checkIn(ana, g.ready + 200, series.id, 2);
  const other = checkIn(bo, g.ready + 300, plain.id, 1);
  const loose = checkIn(bo, g.ready + 400, plain.id, 1).slice(0, 1); // shared, never checked in
  const rulesOf = (extra: typeof g.events) =>
    rulesStateOf(
      foldGroup(
        g.groupId,
        [...g.events, series, plain, ...week1, ...week2, ...other, ...loose, ...extra],
        appRegistry,
      ),
    );
  const speech = (events: typeof g.events) => ({ id: events[0]!.id, author: events[0]!.author });

  it('uses the assignment’s list, an occurrence’s own first, else the group’s, else the defaults', () => {
    const override = eventAt(g.coach, g.ready + 500, ASSIGNMENT_EDITED, {
      assignment: series.id,
      occurrence: 2,
      criteria: ['故事'],
    });
    const rules = rulesOf([override]);
    expect(speechCriteria(rules, speech(week1))).toEqual(['开场', '眼神交流']);
    expect(speechCriteria(rules, speech(week2))).toEqual(['故事']);
    expect(speechCriteria(rules, speech(other))).toEqual(DEFAULT_CRITERIA);
    expect(speechCriteria(rules, speech(loose))).toEqual(DEFAULT_CRITERIA);

    const grouped = rulesOf([
      override,
      setRules(g.coach, g.ready + 600, { ...DEFAULT_RULES, criteria: ['结构', '幽默'] }),
    ]);
    expect(speechCriteria(grouped, speech(other))).toEqual(['结构', '幽默']);
    expect(speechCriteria(grouped, speech(loose))).toEqual(['结构', '幽默']);
    expect(speechCriteria(grouped, speech(week1))).toEqual(['开场', '眼神交流']);
    // The latest rules version speaks for the group: one without criteria brings the defaults back.
    const reset = rulesOf([
      setRules(g.coach, g.ready + 600, { ...DEFAULT_RULES, criteria: ['结构'] }),
      setRules(g.coach, g.ready + 700, DEFAULT_RULES),
    ]);
    expect(speechCriteria(reset, speech(other))).toEqual(DEFAULT_CRITERIA);
  });

  it('drops a list with criteria: null, and counts only the speaker’s own check-ins', () => {
    const cleared = rulesOf([
      eventAt(g.coach, g.ready + 500, ASSIGNMENT_EDITED, { assignment: series.id, criteria: null }),
    ]);
    expect(speechCriteria(cleared, speech(week1))).toEqual(DEFAULT_CRITERIA);
    expect(speechCriteria(rulesOf([]), { id: week1[0]!.id, author: bo.key.keyId })).toEqual(DEFAULT_CRITERIA);
  });
});
