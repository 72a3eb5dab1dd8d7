// The fields a new assignment and an edited one share: the prompt (Markdown) and the target length.
import { Group, NumberInput, Textarea } from '@mantine/core';
import { useTranslation } from 'react-i18next';

export function PromptInput({ value, onChange }: { value: string; onChange(prompt: string): void }) {
  const { t } = useTranslation();
  return (
    <Textarea
      label={t('assignments.form.prompt')}
      description={t('assignments.form.promptHint')}
      autosize
      minRows={3}
      maxLength={20_000}
      value={value}
      onChange={(e) => onChange(e.currentTarget.value)}
    />
  );
}

export function TargetMinutesInputs(props: {
  min: number;
  max: number;
  onMin(minutes: number): void;
  onMax(minutes: number): void;
}) {
  const { t } = useTranslation();
  return (
    <Group grow>
      <NumberInput
        label={t('assignments.form.minMinutes')}
        min={0}
        max={240}
        step={0.5}
        decimalScale={1}
        value={props.min}
        onChange={(v) => props.onMin(Number(v))}
      />
      <NumberInput
        label={t('assignments.form.maxMinutes')}
        min={0.5}
        max={240}
        step={0.5}
        decimalScale={1}
        value={props.max}
        onChange={(v) => props.onMax(Number(v))}
      />
    </Group>
  );
}
