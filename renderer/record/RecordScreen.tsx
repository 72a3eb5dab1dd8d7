// Record: pick a microphone and a target, press R, speak, watch the clock and the lights, stop.
import {
  Alert,
  Button,
  Group,
  Kbd,
  Paper,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import {
  IconMicrophone,
  IconPlayerPause,
  IconPlayerPlay,
  IconPlayerStop,
  IconTrash,
} from '@tabler/icons-react';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { useFieldError } from '../shell/fieldChecks';
import { navigate } from '../state/uiStore';
import { LiveWaveform } from './LiveWaveform';
import { listMicrophones } from './recordingSession';
import {
  chooseDevice,
  chooseTarget,
  discardRecording,
  setTitle,
  startRecording,
  stopRecording,
  togglePause,
  useRecordStore,
} from './recordStore';
import { RecordingSaved } from './RecordingSaved';
import {
  customTarget,
  presetOfTarget,
  targetChoices,
  targetFromPreset,
  targetMinutes,
} from './targetPresets';
import { TimerDisplay } from './TimerDisplay';
import { recordTitleProblem } from './recordTitle';

export function RecordScreen() {
  const { t, i18n } = useTranslation();
  const { status, elapsedMs, level, deviceId, target, assignment, title, errorKey, lastSpeech } =
    useRecordStore();
  const [devices, setDevices] = useState<MediaDeviceInfo[]>([]);
  const [confirmingDiscard, setConfirmingDiscard] = useState(false);
  const busy = status !== 'idle';
  const live = status === 'recording' || status === 'paused';
  /** The recording just saved, while nothing new has started: the clock tells its saved length. */
  const saved = busy ? undefined : lastSpeech;

  useEffect(() => {
    void listMicrophones().then(setDevices, () => setDevices([]));
  }, [status]);

  const defaultTitle = () =>
    t('record.defaultTitle', {
      date: new Date().toLocaleString(i18n.language, { dateStyle: 'medium', timeStyle: 'short' }),
    });
  // A title the API would refuse is said beside the field, and nothing starts until it is shorter.
  const titleProblem = recordTitleProblem(title);
  const sayError = useFieldError(true);
  const toggleRecording = () =>
    live || status === 'starting'
      ? void stopRecording()
      : titleProblem
        ? undefined
        : void startRecording(defaultTitle());

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
        </Alert>
      ) : null}
      {lastSpeech && !busy ? <RecordingSaved speech={lastSpeech} onOpen={() => navigate('library')} /> : null}
      <Paper withBorder p="md" radius="md">
        <Group grow align="flex-end">
          <TextInput
            label={t('record.title')}
            placeholder={t('record.titlePlaceholder')}
            value={title}
            disabled={busy}
            error={sayError(titleProblem)}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <Select
            label={t('record.target')}
            description={assignment ? t('record.assignmentTarget', { title: assignment }) : undefined}
            value={presetOfTarget(target)}
            disabled={busy}
            allowDeselect={false}
            onChange={(value) => value !== customTarget && chooseTarget(targetFromPreset(value ?? 'none'))}
            data={targetChoices(target).map((choice) => ({
              value: choice.id,
              label:
                choice.id === customTarget && choice.target
                  ? t('record.targets.custom', {
                      min: targetMinutes(choice.target.minSeconds),
                      max: targetMinutes(choice.target.maxSeconds),
                    })
                  : t(`record.targets.${choice.id}`),
            }))}
          />
          <Select
            label={t('record.microphone')}
            value={deviceId ?? 'default'}
            disabled={busy}
            allowDeselect={false}
            onChange={(value) => chooseDevice(value === 'default' ? undefined : (value ?? undefined))}
            data={[
              { value: 'default', label: t('record.defaultMicrophone') },
              ...devices
                .filter((d) => d.deviceId && d.deviceId !== 'default')
                .map((d, i) => ({
                  value: d.deviceId,
                  label: d.label || t('record.microphoneN', { n: i + 1 }),
                })),
            ]}
          />
        </Group>
      </Paper>
      <TimerDisplay
        elapsedMs={elapsedMs}
        target={saved ? saved.target : target}
        finished={saved !== undefined}
      />
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
          leftSection={live ? <IconPlayerStop /> : <IconMicrophone />}
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
        {t('record.safety')}
      </Text>
      <ConfirmDialog
        opened={confirmingDiscard}
        title={t('record.discardTitle')}
        body={t('record.discardBody')}
        confirmLabel={t('record.discard')}
        onConfirm={() => void discardRecording()}
        onClose={() => setConfirmingDiscard(false)}
      />
    </Stack>
  );
}
