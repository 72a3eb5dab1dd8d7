// A small box to write a reply or edit one's words: refuses blank or over-long text in the member's
// language and stays open (keeping the text) until the owner's callback settles.
import { Button, Group, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_TEXT } from '../../shared/critique/critiqueEvents';

export interface NoteComposerProps {
  label: string;
  initial?: string;
  submitLabel: string;
  /** Each change of the text, for an owner that keeps it when this box is swapped out. */
  onTextChange?(text: string): void;
  onSubmit(text: string): void | Promise<unknown>;
  onCancel(): void;
}

export function NoteComposer({
  label,
  initial = '',
  submitLabel,
  onTextChange,
  onSubmit,
  onCancel,
}: NoteComposerProps) {
  const { t } = useTranslation();
  const [text, setText] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    if (!text.trim()) return setError(t('critique.blank'));
    if (text.length > MAX_TEXT) return setError(t('critique.tooLong', { max: MAX_TEXT }));
    setBusy(true);
    try {
      await onSubmit(text);
      onCancel();
    } catch {
      setBusy(false); // the owner reports the error; the text stays for another try
    }
  };

  return (
    <Stack gap={4}>
      <Textarea
        label={label}
        value={text}
        autosize
        minRows={2}
        maxRows={8}
        error={error}
        data-autofocus
        // Opened by a key or a button to write in: the words go here at once, not to what opened it.
        autoFocus
        onChange={(e) => {
          setText(e.currentTarget.value);
          onTextChange?.(e.currentTarget.value);
          setError(null);
        }}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) void submit();
          if (e.key === 'Escape') onCancel();
        }}
      />
      <Group gap="xs" justify="flex-end">
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('critique.cancel')}
        </Button>
        <Button size="xs" loading={busy} onClick={() => void submit()}>
          {submitLabel}
        </Button>
      </Group>
    </Stack>
  );
}
