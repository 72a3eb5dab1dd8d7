import { describe, expect, it } from 'vitest';
import { criteriaOrder, criteriaSchema, criterionSchema } from './criteria';
import { evaluationSchema } from './critiqueEvents';

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
