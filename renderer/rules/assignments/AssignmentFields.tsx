// The fields a new assignment and an edited one share: the prompt (Markdown) and the target length.
// They show what is wrong beside them and keep what was typed: no truncating, no clamping.
import { Group, NumberInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { MAX_TARGET_SECONDS } from '../../../shared/audio/timerLights';
import type { NumberValue } from '../../shell/fieldChecks';

export function PromptInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(prompt: string): void;
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('assignments.form.prompt')}
      description={t('assignments.form.promptHint')}
      autosize
      minRows={3}
      maxRows={16}
      value={value}
      error={error}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

export function TargetMinutesInputs(props: {
  min: NumberValue;
  max: NumberValue;
  onMin(minutes: NumberValue): void;
  onMax(minutes: NumberValue): void;
  minError?: string | undefined;
  maxError?: string | undefined;
}) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <NumberInput
        label={t('assignments.form.minMinutes')}
        min={0}
        max={MAX_TARGET_SECONDS / 60}
        step={0.5}
        clampBehavior="none"
        value={props.min}
        error={props.minError}
        onChange={props.onMin}
      />
      <NumberInput
        label={t('assignments.form.maxMinutes')}
        min={0}
        max={MAX_TARGET_SECONDS / 60}
        step={0.5}
        clampBehavior="none"
        value={props.max}
        error={props.maxError}
        onChange={props.onMax}
      />
    </Group>
  );
}
