// The coach moves one week's deadlines (group time). Both are needed, critiques after submissions,
// and the new submission deadline still ahead: each said beside its field before anything is written.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import { FALLBACK_TIME_ZONE } from '../../../shared/rules/zonedTime';
import { noProblems, useFieldError } from '../../shell/fieldChecks';
import { DeadlineInputs } from '../assignments/AssignmentFields';
import { hostNow, useAssignmentsStore, writeRules } from '../assignments/assignmentsStore';
import { checkPostpone } from '../assignments/editChecks';
import { RulesDialog } from './RulesDialog';

export function PostponeDialog({
  groupId,
  occurrence: o,
  onClose,
}: {
  groupId: string;
  occurrence: OccurrenceView;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [submitBy, setSubmitBy] = useState(o.submitBy);
  const [critiqueBy, setCritiqueBy] = useState(o.critiqueBy);
  const [tried, setTried] = useState(false);
  const error = useFieldError(tried);
  const timeZone = useAssignmentsStore((s) => s.overview?.timeZone) ?? FALLBACK_TIME_ZONE;
  const problems = checkPostpone(submitBy, critiqueBy, timeZone, hostNow());
  const run = async () => {
    setTried(true);
    if (!noProblems(checkPostpone(submitBy, critiqueBy, timeZone, hostNow()))) return false;
    return writeRules(
      'rules.postpone',
      { groupId, body: { assignment: o.assignment, occurrence: o.occurrence, submitBy, critiqueBy } },
      'assignments.postponed',
    );
  };
  return (
    <RulesDialog
      title={t('assignments.postponeTitle', { title: o.title })}
      action={t('assignments.postpone')}
      problem={tried && !noProblems(problems) ? 'forms.fixFields' : undefined}
      run={run}
      onClose={onClose}
    >
      <DeadlineInputs
        postponing
        submitBy={submitBy}
        critiqueBy={critiqueBy}
        onSubmitBy={setSubmitBy}
        onCritiqueBy={setCritiqueBy}
        submitError={error(problems.submitBy)}
        critiqueError={error(problems.critiqueBy)}
      />
    </RulesDialog>
  );
}
