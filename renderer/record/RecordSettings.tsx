// What the next recording will be: audio only or with the camera, its title and target, and the devices
// and picture quality it uses. Everything here is fixed once recording starts.
import { Group, Paper, SegmentedControl, Select, Stack, TextInput } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../shell/fieldChecks';
import { listCameras } from './camera';
import { DevicePicker } from './DevicePicker';
import { megabytesPerHour, type RecordMode } from './recordingBudget';
import { listMicrophones } from './recordingSession';
import {
  chooseCamera,
  chooseDevice,
  chooseMode,
  chooseQuality,
  chooseTarget,
  setTitle,
  useRecordStore,
} from './recordStore';
import { recordTitleProblem } from './recordTitle';
import {
  customTarget,
  presetOfTarget,
  targetChoices,
  targetFromPreset,
  targetMinutes,
} from './targetPresets';
import { videoQualities, type VideoQuality } from './videoQuality';

export function RecordSettings() {
  const { t } = useTranslation();
  const { status, mode, deviceId, cameraId, quality, target, assignment, title } = useRecordStore();
  const [microphones, setMicrophones] = useState<MediaDeviceInfo[]>([]);
  const [cameras, setCameras] = useState<MediaDeviceInfo[]>([]);
  const busy = status !== 'idle';
  const sayError = useFieldError(true);

  // Names appear once a recording has been allowed the devices: list them again when one ends.
  useEffect(() => {
    void listMicrophones().then(setMicrophones, () => setMicrophones([]));
    if (mode === 'video') void listCameras().then(setCameras, () => setCameras([]));
  }, [status, mode]);

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <SegmentedControl
          aria-label={t('record.mode')}
          value={mode}
          disabled={busy}
          onChange={(value) => chooseMode(value as RecordMode)}
          data={(['audio', 'video'] as const).map((value) => ({ value, label: t(`record.modes.${value}`) }))}
          style={{ alignSelf: 'flex-start' }}
        />
        <Group grow align="flex-start">
          <TextInput
            label={t('record.title')}
            placeholder={t('record.titlePlaceholder')}
            value={title}
            disabled={busy}
            error={sayError(recordTitleProblem(title))}
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
        </Group>
        <Group grow align="flex-start">
          <DevicePicker
            label={t('record.microphone')}
            devices={microphones}
            value={deviceId}
            disabled={busy}
            defaultLabel={t('record.defaultMicrophone')}
            unnamedLabel={(n) => t('record.microphoneN', { n })}
            onChange={chooseDevice}
          />
          {mode === 'video' ? (
            <>
              <DevicePicker
                label={t('record.camera')}
                devices={cameras}
                value={cameraId}
                disabled={busy}
                defaultLabel={t('record.defaultCamera')}
                unnamedLabel={(n) => t('record.cameraN', { n })}
                onChange={chooseCamera}
              />
              <Select
                label={t('record.quality')}
                value={quality}
                disabled={busy}
                allowDeselect={false}
                onChange={(value) => value && chooseQuality(value as VideoQuality)}
                data={videoQualities.map((value) => ({ value, label: t(`record.qualities.${value}`) }))}
                description={t('record.qualityPerHour', { mb: megabytesPerHour('video', quality) })}
                // Below the field, so the three fields of the row stay in line.
                inputWrapperOrder={['label', 'input', 'description', 'error']}
              />
            </>
          ) : null}
        </Group>
      </Stack>
    </Paper>
  );
}
