// Check-in (打卡): choose one of your speeches (newest first) and, if you like, a reflection; the
// speech is shared with the group on the way if it is not shared yet (a video with its picture or
// only its audio, as the member chooses).
import { Select, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceView } from '../../../shared/api/rulesOverview';
import { isVideo } from '../../../shared/domain/speech';
import { SharePictureChoice, useShareSizes } from '../../group/SharePictureChoice';
import { useLiveSpeeches } from '../../library/speechesStore';
import { reportError } from '../../shell/reportError';
import { useFieldError } from '../../shell/fieldChecks';
import { formatClock } from '../../shell/formatDuration';
import { useAssignmentsStore, writeRules } from './assignmentsStore';
import { checkInReflectionProblem } from '../standings/dialogChecks';
import { myStanding } from '../standings/MyStanding';
import { RulesDialog } from '../ruleSet/RulesDialog';

interface Props {
  groupId: string;
  occurrence: OccurrenceView;
  /** The speech chosen at first (the one just recorded for it); else the newest. */
  speechId?: string;
  onClose(): void;
}

export function CheckInDialog({ groupId, occurrence, speechId: first, onClose }: Props) {
  const { t } = useTranslation();
  const { speeches } = useLiveSpeeches();
  const newest = [...speeches].sort((a, b) => (a.createdAt < b.createdAt ? 1 : -1));
  const [chosen, setChosen] = useState<string | null>(first ?? null);
  const [reflection, setReflection] = useState('');
  const speechId = chosen ?? newest[0]?.id ?? null;
  const video = newest.find((s) => s.id === speechId && isVideo(s.mimeType));
  const { sizes, picture, setPicture } = useShareSizes(groupId, video ? video.id : null, reportError);
  const tooLong = checkInReflectionProblem(reflection);
  const out = useAssignmentsStore((s) => (s.overview ? myStanding(s.overview)?.status === 'out' : false));
  const error = useFieldError(true);

  const submit = async () =>
    speechId !== null &&
    !tooLong &&
    writeRules(
      'rules.checkIn',
      {
        groupId,
        assignment: occurrence.assignment,
        occurrence: occurrence.occurrence,
        speechId,
        ...(reflection.trim() ? { reflection: reflection.trim() } : {}),
        ...(video ? { picture } : {}),
      },
      out
        ? 'assignments.checkedInWhileOut'
        : occurrence.phase === 'late'
          ? 'assignments.checkedInLate'
          : 'assignments.checkedIn',
    );

  return (
    <RulesDialog
      title={t('assignments.checkInTitle', { title: occurrence.title })}
      action={t('assignments.checkInSubmit')}
      run={submit}
      onClose={onClose}
      ready={speechId !== null}
      problem={tooLong ? 'forms.fixFields' : undefined}
    >
      {newest.length === 0 ? (
        <Text size="sm">{t('assignments.noSpeeches')}</Text>
      ) : (
        <Select
          label={t('assignments.chooseSpeech')}
          data={newest.map((s) => ({ value: s.id, label: `${s.title} · ${formatClock(s.durationMs)}` }))}
          value={speechId}
          allowDeselect={false}
          onChange={setChosen}
          comboboxProps={{ withinPortal: true }}
        />
      )}
      {video ? <SharePictureChoice sizes={sizes} picture={picture} onChange={setPicture} /> : null}
      <Textarea
        label={t('assignments.reflection')}
        description={t('assignments.reflectionHint')}
        autosize
        minRows={3}
        maxRows={16}
        error={error(tooLong)}
        value={reflection}
        onChange={(e) => setReflection(e.currentTarget.value)}
      />
      {occurrence.phase === 'late' ? (
        <Text size="sm" c="#a63c00">
          {t('assignments.lateWarning')}
        </Text>
      ) : null}
    </RulesDialog>
  );
}
