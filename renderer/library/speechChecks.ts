// What a member writes about a speech, checked as speeches.update will take it (speechLimits, the
// constants its schema uses): a new title trimmed, not empty, not too long; tags not too long or many.
import { speechLimits } from '../../shared/domain/speech';
import { textProblem } from '../shell/fieldChecks';
import type { FieldProblem } from '../shell/fieldChecks';

export const renameProblem = (title: string) =>
  textProblem(title.trim(), { max: speechLimits.title, required: true });

export function tagsProblem(tags: readonly string[]): FieldProblem | undefined {
  if (tags.length > speechLimits.tags)
    return { key: 'library.tooManyTags', values: { max: speechLimits.tags } };
  const long = tags.find((tag) => tag.trim().length > speechLimits.tag);
  return long === undefined
    ? undefined
    : { key: 'library.tagTooLong', values: { max: speechLimits.tag, length: long.trim().length } };
}
