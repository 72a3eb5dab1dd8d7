// The field blocks every dialog that writes an assignment shares (new, edit, postpone): the title, the
// prompt (Markdown), the target length, the deadlines of one week or of every week. Each shows what is
// wrong beside it (the dialog's check, against the API's limits) and keeps what was typed: no
// truncating, no clamping. Dates and times read in the member's language (shell/DateFields).
import { Group, NumberInput, Select, TextInput, Textarea } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TARGET_SECONDS } from '../../../shared/audio/timerLights';
import { weekdays } from '../../../shared/rules/ruleEvents';
import type { Weekday } from '../../../shared/rules/ruleEvents';
import { DateTimeField, TimeField } from '../../shell/DateFields';
import type { NumberValue } from '../../shell/fieldChecks';

type Error = string | undefined;

/** The assignment's title, with room beside it (the prompt ideas menu). */
export function TitleInput(props: {
  value: string;
  onChange(title: string): void;
  error?: Error;
  aside?: ReactNode;
}) {
  const { t } = useTranslation();
  const input = (
    <TextInput
      style={{ flex: 1 }}
      label={t('assignments.form.name')}
      value={props.value}
      error={props.error}
      onChange={(e) => props.onChange(e.currentTarget.value)}
    />
  );
  return props.aside ? (
    <Group align="flex-start">
      {input}
      {props.aside}
    </Group>
  ) : (
    input
  );
}

export function PromptInput({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange(prompt: string): void;
  error?: Error;
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
  minError?: Error;
  maxError?: Error;
}) {
  const { t } = useTranslation();
  const minutes = (label: string, value: NumberValue, onChange: (v: NumberValue) => void, error: Error) => (
    <NumberInput
      label={label}
      min={0}
      max={MAX_TARGET_SECONDS / 60}
      step={0.5}
      clampBehavior="none"
      value={value}
      error={error}
      onChange={onChange}
    />
  );
  return (
    <Group grow align="flex-start">
      {minutes(t('assignments.form.minMinutes'), props.min, props.onMin, props.minError)}
      {minutes(t('assignments.form.maxMinutes'), props.max, props.onMax, props.maxError)}
    </Group>
  );
}

/** One week's two deadlines (local date-times in the group's zone): when it is set, or postponed. */
export function DeadlineInputs(props: {
  submitBy: string;
  critiqueBy: string;
  onSubmitBy(at: string): void;
  onCritiqueBy(at: string): void;
  submitError?: Error;
  critiqueError?: Error;
  /** Postponing words the labels "new …". */
  postponing?: boolean;
}) {
  const { t } = useTranslation();
  return (
    <>
      <DateTimeField
        label={t(props.postponing ? 'assignments.newSubmitBy' : 'assignments.form.submitBy')}
        value={props.submitBy}
        onChange={props.onSubmitBy}
        error={props.submitError}
      />
      <DateTimeField
        label={t(props.postponing ? 'assignments.newCritiqueBy' : 'assignments.form.critiqueBy')}
        value={props.critiqueBy}
        onChange={props.onCritiqueBy}
        error={props.critiqueError}
      />
    </>
  );
}

/** A weekly deadline: the weekday and the time (group time). */
export function WeeklyDeadlineInput(props: {
  kind: 'submit' | 'critique';
  day: Weekday;
  time: string;
  onDay(day: Weekday): void;
  onTime(time: string): void;
  timeError?: Error;
}) {
  const { t } = useTranslation();
  return (
    <Group grow align="flex-start">
      <Select
        label={t(`assignments.form.${props.kind}Day`)}
        data={weekdays.map((w) => ({ value: w, label: t(`assignments.weekdays.${w}`) }))}
        value={props.day}
        allowDeselect={false}
        onChange={(v) => v && props.onDay(v as Weekday)}
      />
      <TimeField
        label={t(`assignments.form.${props.kind}Time`)}
        name={t(`assignments.form.${props.kind}By`)}
        value={props.time}
        onChange={props.onTime}
        error={props.timeError}
      />
    </Group>
  );
}
