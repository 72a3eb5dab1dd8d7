// Renames a speech; Enter saves, Esc cancels.
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SpeechTitle } from '../../shared/domain/speech';

export function RenameDialog({
  title,
  onSave,
  onClose,
}: {
  title: string;
  onSave(title: string): void;
  onClose(): void;
}) {
  const { t } = useTranslation();
  const [value, setValue] = useState(title);
  const valid = SpeechTitle.safeParse(value).success;
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!valid) return;
    onSave(value.trim());
    onClose();
  };
  return (
    <Modal opened onClose={onClose} title={t('library.renameTitle')} centered>
      <form onSubmit={submit}>
        <TextInput
          data-autofocus
          label={t('record.title')}
          value={value}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={!valid}>
            {t('library.save')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
