// A key backup's passphrase, checked as the API will check it: a new backup needs one of at least
// passphraseLimits.min characters; restoring takes any the API takes (an old backup's), never empty.
import { passphraseLimits } from '../../shared/api/groupContract';
import { textProblem, type FieldProblem } from '../shell/fieldChecks';

export function passphraseProblem(
  passphrase: string,
  purpose: 'export' | 'import',
): FieldProblem | undefined {
  const tooLong = textProblem(passphrase, { max: passphraseLimits.max });
  if (tooLong) return tooLong;
  if (passphrase === '') return { key: 'forms.required', missing: true };
  if (purpose === 'export' && passphrase.length < passphraseLimits.min)
    // Said once export is pressed, not while the member is still typing.
    return {
      key: 'settings.identity.passphraseShort',
      values: { count: passphraseLimits.min },
      missing: true,
    };
  return undefined;
}
