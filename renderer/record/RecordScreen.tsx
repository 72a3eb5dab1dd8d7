// Record: choose audio only or the camera, pick the devices and a target, press R, speak, watch the
// clock and the lights (and yourself), stop.
import { Alert, Button, Group, Kbd, Progress, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconAlertTriangle,
  IconMicrophone,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconTrash,
  IconVideo,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { navigate } from '../state/uiStore';
import { CameraPreview } from './CameraPreview';
import { LiveWaveform } from './LiveWaveform';
import { RecordSettings } from './RecordSettings';
import {
  checkDiskSpace,
  chooseMode,
  discardRecording,
  startRecording,
  stopRecording,
  togglePause,
  useRecordStore,
} from './recordStore';
import { RecordingSaved } from './RecordingSaved';
import { TimerDisplay } from './TimerDisplay';
import { recordTitleProblem } from './recordTitle';

/** Errors after which recording without the camera is the way on. */
const cameraErrors = new Set([
  'record.errors.noCamera',
  'record.errors.cameraBusy',
  'record.errors.cameraPermission',
]);

export function RecordScreen() {
  const { t, i18n } = useTranslation();
  const { status, elapsedMs, level, mode, preview, disk, target, title, errorKey, lastSpeech } =
    useRecordStore();
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const busy = status !== 'idle';
  const live = status === 'recording' || status === 'paused';
  /** The recording just saved, while nothing new has started: the clock tells its saved length. */
  const saved = busy ? undefined : lastSpeech;

  // How much the disk holds, before anyone presses Record (recording looks again every 30 s).
  useEffect(() => {
    void checkDiskSpace();
  }, []);

  const defaultTitle = () =>
    t('record.defaultTitle', {
      date: new Date().toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    });
  // A title the API would refuse is said beside the field, and nothing starts until it is shorter.
  const titleProblem = recordTitleProblem(title);
  const toggleRecording = () =>
    live || status === 'starting'
      ? void stopRecording()
      : titleProblem
        ? undefined
        : void startRecording(defaultTitle());

  const timer = (
    <TimerDisplay
      elapsedMs={elapsedMs}
      target={saved ? saved.target : target}
      finished={saved !== undefined}
    />
  );

  useHotkeys([
    ['r', toggleRecording],
    ['space', () => live && togglePause()],
  ]);

  return (
    <Stack maw={860}>
      <Title order={1}>{t('nav.record')}</Title>
      {errorKey ? (
        <Alert
          color="red"
          title={t('record.problem')}
          withCloseButton
          onClose={() => useRecordStore.setState({ errorKey: undefined })}
        >
          {t(errorKey)}
          {cameraErrors.has(errorKey) ? (
            <Group mt="sm">
              <Button
                size="xs"
                variant="light"
                color="red"
                leftSection={<IconMicrophone size={14} />}
                onClick={() => {
                  chooseMode('audio');
                  useRecordStore.setState({ errorKey: undefined });
                }}
              >
                {t('record.audioInstead')}
              </Button>
            </Group>
          ) : null}
        </Alert>
      ) : null}
      {disk &&
      (disk.verdict === 'low' || (disk.verdict === 'full' && errorKey !== 'record.errors.noRoom')) ? (
        <Alert
          color="yellow"
          variant="outline"
          icon={<IconAlertTriangle />}
          title={t('record.diskLowTitle')}
          // Mantine's yellow is too pale a title on white: a dark amber for AA, the yellow itself on dark.
          styles={{ title: { color: 'light-dark(#7a4a00, var(--mantine-color-yellow-5))' } }}
          data-testid="disk-warning"
        >
          {t(disk.verdict === 'full' ? 'record.errors.noRoom' : 'record.diskLow', {
            minutes: disk.minutesLeft,
          })}
        </Alert>
      ) : null}
      {lastSpeech && !busy ? <RecordingSaved speech={lastSpeech} onOpen={() => navigate('library')} /> : null}
      <RecordSettings />
      {mode === 'video' ? (
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <CameraPreview stream={preview} label={t('record.preview')} idleText={t('record.previewIdle')} />
          {timer}
        </SimpleGrid>
      ) : (
        timer
      )}
      <Stack gap={4}>
        <Text size="sm">{t('record.level')}</Text>
        <Progress.Root size="lg" transitionDuration={80}>
          <Progress.Section
            value={level * 100}
            color={level > 0.9 ? 'red' : 'teal'}
            aria-label={t('record.level')}
          />
        </Progress.Root>
      </Stack>
      <LiveWaveform active={live} label={t('record.waveform')} />
      <Group>
        <Button
          size="lg"
          color={live ? 'red' : undefined}
          leftSection={live ? <IconPlayerStop /> : mode === 'video' ? <IconVideo /> : <IconMicrophone />}
          loading={status === 'starting' || status === 'stopping'}
          onClick={toggleRecording}
        >
          {live ? t('record.stop') : t('record.start')} <Kbd ml="xs">R</Kbd>
        </Button>
        <Button
          size="lg"
          variant="default"
          disabled={!live}
          leftSection={status === 'paused' ? <IconPlayerPlay /> : <IconPlayerPause />}
          onClick={togglePause}
        >
          {status === 'paused' ? t('record.resume') : t('record.pause')}{' '}
          <Kbd ml="xs">{t('record.spaceKey')}</Kbd>
        </Button>
        <Button
          size="lg"
          variant="subtle"
          color="red"
          disabled={!live}
          leftSection={<IconTrash />}
          onClick={() => setConfirmingDiscard(true)}
        >
          {t('record.discard')}
        </Button>
      </Group>
      <Text size="sm" c="dimmed">
        {t(mode === 'video' ? 'record.safetyVideo' : 'record.safety')}
      </Text>
      <ConfirmDialog
        opened={confirmingDiscard}
        title={t('record.discardTitle')}
        body={t(mode === 'video' ? 'record.discardBodyVideo' : 'record.discardBody')}
        confirmLabel={t('record.discard')}
        onConfirm={() => void discardRecording()}
        onClose={() => setConfirmingDiscard(false)}
      />
    </Stack>
  );
}
