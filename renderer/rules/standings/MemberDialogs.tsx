// The dialogs behind a member's row: pardon one missed week (no penalty, not a miss), a pause or
// leave of absence (dates in the group's time zone; missed weeks inside it are excused), and a
// revival (复活) of an out member on written terms. Each says what it will change before it does, and
// what is wrong with a field beside it, within the API's bounds (dialogChecks.ts).
import { Group, Select, Text, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import type { Standing } from '../../../shared/rules/standings';
import { DateField } from '../../shell/DateFields';
import { noProblems, useFieldError } from '../../shell/fieldChecks';
import { writeRules } from '../assignments/assignmentsStore';
import { checkPardon, checkPause, checkRevival } from './dialogChecks';
import { closeMemberAction, pardonable } from './memberActionStore';
import { RulesDialog } from '../ruleSet/RulesDialog';
import { addDays, localDate } from '../ruleSet/rulesDraft';

interface Props {
  groupId: string;
  overview: RulesOverview;
  standing: Standing;
}

export function PardonDialog({ groupId, standing: s }: Props) {
  const { t } = useTranslation();
  const misses = pardonable(s);
  const [key, setKey] = useState<string | null>(misses.at(-1)?.key ?? null);
  const [note, setNote] = useState('');
  const [tried, setTried] = useState(false);
  const error = useFieldError(tried);
  const miss = misses.find((m) => m.key === key);
  const problems = checkPardon(note);
  return (
    <RulesDialog
      onClose={closeMemberAction}
      title={t('assignments.member.pardonTitle', { name: s.name })}
      action={t('assignments.member.pardon')}
      ready={Boolean(miss)}
      problem={tried && !noProblems(problems) ? 'forms.fixFields' : undefined}
      run={async () => {
        setTried(true);
        return miss && noProblems(problems)
          ? writeRules(
              'rules.pardon',
              {
                groupId,
                body: {
                  member: s.member,
                  assignment: miss.assignment,
                  occurrence: miss.occurrence,
                  ...(note.trim() ? { note: note.trim() } : {}),
                },
              },
              'assignments.member.pardoned',
            )
          : false;
      }}
    >
      <Select
        label={t('assignments.member.whichMiss')}
        data={misses.map((m) => ({ value: m.key, label: `${m.title} · ${m.submitBy.replace('T', ' ')}` }))}
        value={key}
        allowDeselect={false}
        onChange={setKey}
        comboboxProps={{ withinPortal: true }}
      />
      <Textarea
        label={t('assignments.member.note')}
        error={error(problems.note)}
        autosize
        minRows={2}
        value={note}
        onChange={(e) => setNote(e.currentTarget.value)}
      />
      <Text size="sm">{t('assignments.member.pardonBody', { name: s.name })}</Text>
    </RulesDialog>
  );
}

export function PauseDialog({ groupId, overview, standing: s }: Props) {
  const { t } = useTranslation();
  const today = localDate(overview.asOf, overview.timeZone);
  const [from, setFrom] = useState(today);
  const [to, setTo] = useState(addDays(today, 6));
  const [reason, setReason] = useState('');
  const [tried, setTried] = useState(false);
  const error = useFieldError(tried);
  const mine = s.member === overview.me;
  const problems = checkPause(from, to, reason);
  return (
    <RulesDialog
      onClose={closeMemberAction}
      title={t(mine ? 'assignments.member.pauseMe' : 'assignments.member.pauseTitle', { name: s.name })}
      action={t('assignments.member.pauseSave')}
      problem={tried && !noProblems(problems) ? 'forms.fixFields' : undefined}
      run={async () => {
        setTried(true);
        if (!noProblems(problems)) return false;
        return writeRules(
          'rules.pause',
          {
            groupId,
            body: { member: s.member, from, to, ...(reason.trim() ? { reason: reason.trim() } : {}) },
          },
          'assignments.member.paused',
        );
      }}
    >
      <Group grow align="flex-start">
        <DateField
          label={t('assignments.member.from')}
          value={from}
          error={error(problems.from)}
          onChange={setFrom}
        />
        <DateField
          label={t('assignments.member.to')}
          value={to}
          error={error(problems.to)}
          onChange={setTo}
        />
      </Group>
      <TextInput
        label={t('assignments.member.reason')}
        value={reason}
        error={error(problems.reason)}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Text size="sm">{t(mine ? 'assignments.member.pauseBodyMine' : 'assignments.member.pauseBody')}</Text>
    </RulesDialog>
  );
}

export function ReviveDialog({ groupId, standing: s }: Props) {
  const { t } = useTranslation();
  const [terms, setTerms] = useState('');
  const [tried, setTried] = useState(false);
  const error = useFieldError(tried);
  const problems = checkRevival(terms);
  return (
    <RulesDialog
      onClose={closeMemberAction}
      title={t('assignments.member.reviveTitle', { name: s.name })}
      action={t('assignments.member.revive')}
      problem={tried && !noProblems(problems) ? 'forms.fixFields' : undefined}
      run={async () => {
        setTried(true);
        if (!noProblems(problems)) return false;
        return writeRules(
          'rules.revive',
          { groupId, body: { member: s.member, terms: terms.trim() } },
          'assignments.member.revived',
        );
      }}
    >
      <Textarea
        label={t('assignments.member.terms')}
        description={t('assignments.member.termsHint')}
        error={error(problems.terms)}
        autosize
        minRows={3}
        value={terms}
        onChange={(e) => setTerms(e.currentTarget.value)}
      />
      <Text size="sm">{t('assignments.member.reviveBody', { name: s.name })}</Text>
    </RulesDialog>
  );
}
