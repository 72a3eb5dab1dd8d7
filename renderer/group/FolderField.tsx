// A folder path with a "Choose…" button (system dialog, or the in-app one in the browser build).
import { Button, Group, TextInput } from '@mantine/core';
import { IconFolder } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../shell/reportError';
import { pickFolder } from './pickFolder';

export function FolderField({
  value,
  onChange,
  label,
  error,
}: {
  value: string;
  onChange(path: string): void;
  label: string;
  /** What is wrong (no folder chosen yet), in the member's words. */
  error?: string | undefined;
}) {
  const { t } = useTranslation();
  const choose = () =>
    pickFolder(label).then((path) => {
      if (path) onChange(path);
    }, reportError);
  return (
    <Group align="flex-end" wrap="nowrap">
      <TextInput
        style={{ flex: 1 }}
        label={label}
        value={value}
        readOnly
        placeholder={t('group.noFolder')}
        error={error}
      />
      <Button variant="default" leftSection={<IconFolder size={16} />} onClick={() => void choose()}>
        {t('group.chooseFolder')}
      </Button>
    </Group>
  );
}
