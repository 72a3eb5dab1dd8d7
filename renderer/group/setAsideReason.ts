// Why a file in the group folder was set aside, in the member's language. Main writes reasons as a
// code and an English detail ("segment bad-signature: …", "quota: 5,001 entries past …"); the code
// picks a sentence here, and the raw reason stays for whoever debugs (the CLI's verify prints it).
import type { TFunction } from 'i18next';

/** The reason's code as a key path: "segment bad-signature: x" → "segment.bad-signature"; "quota: x" → "quota". */
export function setAsideReasonKey(reason: string): string {
  const match = /^([a-z][a-z0-9-]*)(?: ([a-z][a-z0-9-]*))?(?::|$)/.exec(reason);
  if (!match) return '';
  return match[2] ? `${match[1]}.${match[2]}` : match[1]!;
}

/** The sentence for a set-aside file's reason; the raw reason when no sentence knows its code. */
export function describeSetAsideReason(t: TFunction, reason: string): string {
  const key = setAsideReasonKey(reason);
  if (!key) return reason;
  const family = key.split('.')[0];
  // A kind with codes of its own ("segment bad-range") falls back to the kind's sentence.
  return t(`group.sync.why.${key}`, {
    defaultValue: t(`group.sync.why.${family}._`, { defaultValue: reason }),
  });
}
