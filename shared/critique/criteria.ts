// The criteria an evaluation form scores. A criterion is a built-in id (`vocal-variety`, labelled in
// each language) or a coach's own words (shown as written); either is also the key of its score, so
// a score saved under a name keeps that name when the coach later changes the list.
import { z } from 'zod';

/** The criteria an evaluation scores when the assignment or group defines none. */
export const DEFAULT_CRITERIA = ['clarity', 'vocal-variety', 'structure', 'pacing', 'confidence'] as const;
export const MAX_CRITERION_LENGTH = 40;
/** How many criteria a coach may name for an assignment or the group. */
export const MAX_LISTED_CRITERIA = 8;

export const isDefaultCriterion = (criterion: string): boolean =>
  (DEFAULT_CRITERIA as readonly string[]).includes(criterion);

// `__proto__` is kept out so a map of scores stays a plain record on every computer.
const notProto = (s: string) => s !== '__proto__';

/** A criterion as a score's key: 1–40 characters with no space at either end. */
export const criterionSchema = z
  .string()
  .min(1)
  .max(MAX_CRITERION_LENGTH)
  .refine((s) => s === s.trim() && notProto(s), 'a criterion is trimmed');

/** The list a coach names for an assignment or the group: 1–8 names, trimmed, no two alike. */
export const criteriaSchema = z
  .array(z.string().trim().min(1).max(MAX_CRITERION_LENGTH).refine(notProto))
  .min(1)
  .max(MAX_LISTED_CRITERIA)
  .refine((list) => new Set(list).size === list.length, 'criteria are unique');
export type Criteria = z.infer<typeof criteriaSchema>;

/** An order for criteria: those of `first` in its order, then the defaults, then the rest by name. */
export function criteriaOrder(first: readonly string[] = DEFAULT_CRITERIA): (a: string, b: string) => number {
  const rank = (id: string) => {
    const i = first.indexOf(id);
    if (i >= 0) return i;
    const d = (DEFAULT_CRITERIA as readonly string[]).indexOf(id);
    return d >= 0 ? first.length + d : first.length + DEFAULT_CRITERIA.length;
  };
  return (a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}
