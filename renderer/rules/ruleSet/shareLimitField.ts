// The coach's cap on a shared file as the rules form holds it: megabytes as typed, empty for no cap,
// checked against the bounds of `share.limit` and turned into its bytes. Pure, so it is unit-tested.
import { MAX_SHARE_LIMIT_BYTES } from '../../../shared/group/shareLimit';
import { MiB } from '../../shell/formatSize';
import { numberOf, numberProblem } from '../../shell/fieldChecks';
import type { FieldProblem, NumberValue } from '../../shell/fieldChecks';

/** The field's bounds in MB: at least one, at most what a shared recording may be. */
export const shareLimitMB = { min: 1, max: MAX_SHARE_LIMIT_BYTES / MiB } as const;

/** The cap in force as the field shows it (empty: none). */
export function shareLimitValue(maxBytes: number | null): NumberValue {
  return maxBytes === null ? '' : maxBytes / MiB;
}

/** What is wrong with the field; empty is fine (no cap). */
export function shareLimitProblem(value: NumberValue): FieldProblem | undefined {
  if (typeof value === 'string' && value.trim() === '') return undefined;
  return numberProblem(value, shareLimitMB);
}

/** The `share.limit` body's maxBytes for a valid field. */
export function shareLimitBytes(value: NumberValue): number | null {
  const mb = numberOf(value);
  return mb === undefined ? null : Math.round(mb * MiB);
}
