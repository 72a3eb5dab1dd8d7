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
import { DEFAULT_CRITERIA, criteriaOrder, criteriaSchema, criterionSchema, speechCriteria } from './criteria';
import { evaluationSchema } from './critiqueEvents';

const T0 = Date.UTC(2026, 2, 1, 1, 0);
const g = rulesGroup('criteria', 'Asia/Shanghai', 2, T0);
const [ana, bo] = g.members as [(typeof g.members)[0], (typeof g.members)[0]];
const weekly = assignmentBody(weeklyFromMarch2);

describe('criteria schemas', () => {
  it('takes 1–8 trimmed, unique names of up to 40 characters', () => {
    expect(criteriaSchema.parse(['  眼神交流 ', 'clarity'])).toEqual(['眼神交流', 'clarity']);
    expect(criteriaSchema.safeParse([]).success).toBe(false);
    expect(criteriaSchema.safeParse(Array.from({ length: 9 }, (_, i) => `c${i}`)).success).toBe(false);
    expect(criteriaSchema.safeParse(['眼神', ' 眼神']).success).toBe(false); // alike once trimmed
    expect(criteriaSchema.safeParse(['   ']).success).toBe(false);
    expect(criteriaSchema.safeParse(['x'.repeat(41)]).success).toBe(false);
    expect(criteriaSchema.safeParse(['__proto__']).success).toBe(false);
  });

  it('scores any criterion by its name, but not an untrimmed one', () => {
    const form = { commendations: '', recommendations: '', challenge: '' };
    expect(evaluationSchema.parse({ ...form, scores: { 眼神交流: 4, 'Eye contact': 5 } }).scores).toEqual({
      眼神交流: 4,
      'Eye contact': 5,
    });
    expect(evaluationSchema.safeParse({ ...form, scores: { ' x': 4 } }).success).toBe(false);
    // zod drops a `__proto__` key rather than failing (see critiquesSlice.test.ts).
    const proto = JSON.parse('{"__proto__": 3}') as Record<string, number>;
    expect(evaluationSchema.parse({ ...form, scores: proto }).scores).toEqual({});
    expect(criterionSchema.safeParse('').success).toBe(false);
  });
});

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

describe('criteriaOrder', () => {
  it('puts the speech’s criteria first, then the defaults, then the rest by name', () => {
    const scored = ['humour', 'clarity', '眼神交流', 'pacing', 'eye-contact'];
    expect([...scored].sort(criteriaOrder(['眼神交流', 'pacing']))).toEqual([
      '眼神交流',
      'pacing',
      'clarity',
      'eye-contact',
      'humour',
    ]);
    expect([...scored].sort(criteriaOrder())).toEqual([
      'clarity',
      'pacing',
      'eye-contact',
      'humour',
      '眼神交流',
    ]);
  });
});
