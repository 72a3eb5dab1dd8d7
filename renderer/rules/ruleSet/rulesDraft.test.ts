import { describe, expect, it } from 'vitest';
import { DEFAULT_RULES } from '../../../shared/rules/rulesInForce';
import { rulesSetBody } from '../../../shared/rules/ruleEvents';
import { addDays, checkRules, localDate, rulesDraft, sameRules } from './rulesDraft';

const rulesBody = (d: Parameters<typeof checkRules>[0]) => checkRules(d).body;
const problemOf = (d: Parameters<typeof checkRules>[0]) => checkRules(d).problems;

const defaults = { ...DEFAULT_RULES, version: 0 };

describe('rulesDraft', () => {
  it('round-trips the rules in force into a valid rules.set body', () => {
    const draft = rulesDraft(defaults);
    expect(draft.missesTotal).toBe(0);
    expect(sameRules(draft, defaults)).toBe(true);
    const body = rulesBody(draft);
    expect(rulesSetBody.parse(body)).toEqual(DEFAULT_RULES);
  });

  it('leaves out a limit set to 0 (never out) and names what is wrong', () => {
    const body = rulesBody({ ...rulesDraft(defaults), missesInARow: 0, missesTotal: 5, onTime: 20 });
    expect(body).toMatchObject({ out: { missesTotal: 5 }, points: { onTime: 20 } });
    expect(typeof body === 'object' && 'missesInARow' in body.out).toBe(false);
    // Nothing is changed on the member's behalf: −1 stays −1 and is named beside its field.
    expect(problemOf({ ...rulesDraft(defaults), late: -1 })).toEqual({
      late: { key: 'forms.tooSmall', values: { min: 0 } },
    });
    expect(problemOf({ ...rulesDraft(defaults), missesInARow: 1.5 }).missesInARow).toEqual({
      key: 'forms.notWhole',
    });
    expect(problemOf({ ...rulesDraft(defaults), critiquesPerAssignment: 21 }).critiquesPerAssignment).toEqual(
      {
        key: 'forms.tooLarge',
        values: { max: 20 },
      },
    );
    expect(problemOf({ ...rulesDraft(defaults), onTime: '' }).onTime).toMatchObject({
      key: 'forms.needNumber',
    });
    expect(rulesBody({ ...rulesDraft(defaults), late: -1 })).toBeUndefined();
  });

  it('carries the group’s evaluation criteria: empty means the defaults, a bad list is named', () => {
    const named = { ...defaults, criteria: ['开场', 'clarity'] };
    expect(rulesDraft(named).criteria).toEqual(['开场', 'clarity']);
    expect(sameRules(rulesDraft(named), named)).toBe(true);
    expect(sameRules({ ...rulesDraft(named), criteria: ['clarity', '开场'] }, named)).toBe(false);
    expect(rulesBody({ ...rulesDraft(defaults), criteria: [' 眼神交流 '] })).toMatchObject({
      criteria: ['眼神交流'],
    });
    expect('criteria' in (rulesBody(rulesDraft(defaults)) as object)).toBe(false);
    expect(problemOf({ ...rulesDraft(defaults), criteria: ['x'.repeat(41)] }).criteria).toEqual({
      key: 'assignments.criteria.bad',
    });
  });

  it('edits the offline grace: 24 h when the rules leave it out, left out again when it is 24', () => {
    expect(rulesDraft(defaults).offlineGraceHours).toBe(24);
    expect(rulesDraft({ ...defaults, offlineGraceHours: 48 }).offlineGraceHours).toBe(48);
    expect(rulesBody({ ...rulesDraft(defaults), offlineGraceHours: 72 })).toMatchObject({
      offlineGraceHours: 72,
    });
    expect(
      'offlineGraceHours' in (rulesBody(rulesDraft({ ...defaults, offlineGraceHours: 48 })) as object),
    ).toBe(true);
    expect(
      'offlineGraceHours' in (rulesBody({ ...rulesDraft(defaults), offlineGraceHours: 24 }) as object),
    ).toBe(false);
    expect(sameRules({ ...rulesDraft(defaults), offlineGraceHours: 12 }, defaults)).toBe(false);
    for (const bad of [0, 169, 1.5])
      expect(problemOf({ ...rulesDraft(defaults), offlineGraceHours: bad }).offlineGraceHours).toBeDefined();
  });

  it('adds days across month ends and reads today in a zone', () => {
    expect(addDays('2027-02-27', 7)).toBe('2027-03-06');
    expect(localDate(Date.UTC(2027, 0, 1, 20), 'Asia/Shanghai')).toBe('2027-01-02');
  });
});
