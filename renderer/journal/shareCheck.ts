// Whether a journal entry can be shared with a group as it is: the API takes a title of at most 200 and
// a text of at most 20,000 characters (reflectionLimits, the same constants its schema uses), while the
// journal itself keeps any length. Checked before anything is sent, so the member hears what to do.
import { reflectionLimits } from '../../shared/group/reflections';
import type { FieldProblem } from '../shell/fieldChecks';

/** What keeps the entry from being shared (an i18n key with its numbers), or undefined. `title` is the one sent. */
export function shareProblem(title: string, text: string): FieldProblem | undefined {
  if (text.length > reflectionLimits.text)
    return { key: 'journal.shareTooLong', values: { length: text.length, max: reflectionLimits.text } };
  if (title.trim().length > reflectionLimits.title)
    return {
      key: 'journal.shareTitleTooLong',
      values: { length: title.trim().length, max: reflectionLimits.title },
    };
  return undefined;
}
