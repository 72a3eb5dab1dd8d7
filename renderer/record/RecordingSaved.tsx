// Shown after a recording is saved: what was kept, and where to go next. Recorded for an assignment,
// the first step is 打卡 (check it in, this speech already chosen), then reflect on it, or hear it.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconCircleCheck, IconPencil, IconSquareCheck } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OccurrenceView } from '../../shared/api/rulesOverview';
import { isVideo, type Speech } from '../../shared/domain/speech';
import { createEntryForSpeech } from '../journal/createEntryForSpeech';
import { useOverview } from '../rules/assignments/assignmentsStore';
import { CheckInDialog } from '../rules/assignments/CheckInDialog';
import { formatClock } from '../shell/formatDuration';
import { reportError } from '../shell/reportError';
import { useRecordStore, type RecordingFor } from './recordStore';

export function RecordingSaved({ speech, onOpen }: { speech: Speech; onOpen: () => void }) {
  const { t } = useTranslation();
  const savedFor = useRecordStore((s) => s.savedFor);
  const occurrence = useOccurrence(savedFor);
  const [checkingIn, setCheckingIn] = useState(false);
  // Checked in after this speech was saved: it is this one (the banner only lives until the next recording).
  const checkedIn = occurrence?.mine && Date.parse(occurrence.mine.at) >= Date.parse(speech.createdAt);
  // As the assignment's card allows: open until it closes, and an on-time check-in stands once it is late.
  const locked = occurrence?.phase === 'late' && occurrence.mine?.submission === 'on-time';
  const canCheckIn = occurrence && !checkedIn && occurrence.phase !== 'closed' && !locked;
  return (
    <Alert
      color="teal"
      icon={<IconCircleCheck />}
      title={t(isVideo(speech.mimeType) ? 'record.savedVideo' : 'record.saved')}
      // Mantine's teal title is 4.3:1 on its own light background: a shade darker for AA.
      styles={{ title: { color: 'light-dark(#066649, var(--mantine-color-teal-4))' } }}
      data-testid="recording-saved"
    >
      <Group justify="space-between">
        <Text size="sm">
          {speech.title} · {formatClock(speech.durationMs)}
          {checkedIn ? ` · ${t('record.checkedInFor', { title: occurrence.title })}` : ''}
        </Text>
        <Group gap="xs">
          {canCheckIn ? (
            <Button size="xs" leftSection={<IconSquareCheck size={14} />} onClick={() => setCheckingIn(true)}>
              {t(
                occurrence.mine
                  ? 'assignments.replace'
                  : occurrence.phase === 'late'
                    ? 'assignments.checkInLate'
                    : 'assignments.checkIn',
              )}
            </Button>
          ) : null}
          <Button
            size="xs"
            variant={canCheckIn ? 'light' : 'filled'}
            leftSection={<IconPencil size={14} />}
            onClick={() => void createEntryForSpeech(speech.id, speech.title).catch(reportError)}
          >
            {t('record.reflect')}
          </Button>
          <Button size="xs" variant="light" onClick={onOpen}>
            {t('record.openInLibrary')}
          </Button>
        </Group>
      </Group>
      {checkingIn && savedFor && occurrence ? (
        <CheckInDialog
          groupId={savedFor.groupId}
          occurrence={occurrence}
          speechId={speech.id}
          onClose={() => setCheckingIn(false)}
        />
      ) : null}
    </Alert>
  );
}

/** The occurrence a recording was made for, from its group's live overview; undefined when none. */
function useOccurrence(savedFor: RecordingFor | undefined): OccurrenceView | undefined {
  const overview = useOverview(savedFor?.groupId);
  if (!savedFor || !overview) return undefined;
  return overview.assignments.flatMap((a) => a.occurrences).find((o) => o.key === savedFor.occurrence);
}
