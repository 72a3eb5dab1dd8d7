// Renames a speech; Enter saves, Esc cancels. A title the API would refuse (empty, too long) is said
// beside the field, with Save still there to press.
import { Button, Group, Modal, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useFieldError } from '../shell/fieldChecks';
import { renameProblem } from './speechChecks';

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
  const [tried, setTried] = useState(false);
  const problem = renameProblem(value);
  const error = useFieldError(tried);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    setTried(true);
    if (problem) return;
    onSave(value.trim());
    onClose();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('library.renameTitle')}
      centered
      closeButtonProps={{ 'aria-label': t('common.close') }}
    >
      <form onSubmit={submit}>
        <TextInput
          data-autofocus
          label={t('record.title')}
          value={value}
          error={error(problem)}
          onChange={(e) => setValue(e.currentTarget.value)}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={onClose}>
            {t('common.cancel')}
          </Button>
          <Button type="submit">{t('library.save')}</Button>
        </Group>
      </form>
    </Modal>
  );
}
