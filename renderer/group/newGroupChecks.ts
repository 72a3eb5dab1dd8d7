// A new group's fields checked against the bounds group.create holds them to, as they will be sent
// (the name trimmed). Pure, so the limits test can hold every field to its schema.
import { groupLimits } from '../../shared/group/groupEvent';
import { textProblem } from '../shell/fieldChecks';
import type { FieldProblems } from '../shell/fieldChecks';

export function checkNewGroup(d: {
  folder: string;
  name: string;
  charter: string;
}): FieldProblems<'folder' | 'name' | 'charter'> {
  return {
    folder: d.folder.trim() === '' ? { key: 'group.needFolder', missing: true } : undefined,
    name: textProblem(d.name.trim(), { max: groupLimits.name, required: true }),
    charter: textProblem(d.charter, { max: groupLimits.charter }),
  };
}
