// The coach's evaluation criteria, as typed into a form, turned into an event field.
import { criteriaSchema } from '../../../shared/critique/criteria';
import type { Criteria } from '../../../shared/critique/criteria';

/** `null` for an empty list (no list of its own), the checked list, or the i18n key of what is wrong. */
export function criteriaField(list: readonly string[]): { criteria: Criteria | null } | string {
  if (list.length === 0) return { criteria: null };
  const parsed = criteriaSchema.safeParse(list);
  return parsed.success ? { criteria: parsed.data } : 'assignments.criteria.bad';
}

/** Whether two lists name the same criteria in the same order. */
export const sameCriteria = (a: readonly string[] = [], b: readonly string[] = []) =>
  a.length === b.length && a.every((c, i) => c === b[i]);
