// One form field checked against the bounds the API holds it to (the shared schemas' limits), and what
// is wrong said in the member's words. Forms check before they send, show the message beside the
// field, and never change a value on their own: no truncating, no clamping, no sign dropped.
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';

/** What is wrong with one field: an i18n key and the numbers it names. */
export interface FieldProblem {
  key: string;
  values?: Record<string, number | string>;
  /** Nothing given yet: pointed out only once the member tries to save. */
  missing?: true;
}

/** The problems of a form, by field; a field without one is fine. */
export type FieldProblems<F extends string> = Partial<Record<F, FieldProblem>>;

/**
 * A text as it will be sent (trimmed already where the API trims): at most `max` UTF-16 code units,
 * as the schemas count, and not empty when required.
 */
export function textProblem(
  value: string,
  limits: { max: number; required?: boolean },
): FieldProblem | undefined {
  if (limits.required && value.trim() === '') return { key: 'forms.required', missing: true };
  if (value.length > limits.max)
    return { key: 'forms.tooLong', values: { max: limits.max, length: value.length } };
  return undefined;
}

/** A number field's value (Mantine gives a string while what is typed is not a number yet). */
export type NumberValue = number | string;

/** The number a field holds, or undefined when it holds none. */
export function numberOf(value: NumberValue): number | undefined {
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (value.trim() === '') return undefined;
  const n = Number(value);
  return Number.isFinite(n) ? n : undefined;
}

/** A number between `min` and `max` (inclusive), whole when asked. */
export function numberProblem(
  value: NumberValue,
  limits: { min: number; max: number; whole?: boolean },
): FieldProblem | undefined {
  const n = numberOf(value);
  if (n === undefined) return { key: 'forms.needNumber', missing: true };
  if (limits.whole && !Number.isInteger(n)) return { key: 'forms.notWhole' };
  if (n < limits.min) return { key: 'forms.tooSmall', values: { min: limits.min } };
  if (n > limits.max) return { key: 'forms.tooLarge', values: { max: limits.max } };
  return undefined;
}

/** Whether a form may be sent: no field has a problem. */
export const noProblems = (problems: FieldProblems<string>): boolean =>
  Object.values(problems).every((p) => p === undefined);

/** A problem in the member's words, numbers written their way ("20,000"). */
export function sayProblem(problem: FieldProblem, t: TFunction, language: string): string {
  const numbers = new Intl.NumberFormat(language);
  const values = Object.fromEntries(
    Object.entries(problem.values ?? {}).map(([k, v]) => [k, typeof v === 'number' ? numbers.format(v) : v]),
  );
  return t(problem.key, values);
}

/**
 * Says a field's problem in the member's language. A missing value is only pointed out once the member
 * tried to save (`tried`); anything else as soon as it is so.
 */
export function useFieldError(tried: boolean): (problem: FieldProblem | undefined) => string | undefined {
  const { t, i18n } = useTranslation();
  return (problem) =>
    !problem || (!tried && problem.missing) ? undefined : sayProblem(problem, t, i18n.language);
}
