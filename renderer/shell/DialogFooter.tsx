// The end of a form dialog: what went wrong (in the member's language), then Cancel and the action.
import { Button, Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';

interface Props {
  /** An i18n key for the problem to show, if any. */
  problem?: string | null | undefined;
  saveLabel: string;
  busy?: boolean;
  disabled?: boolean;
  onCancel(): void;
  onSave(): void;
}

export function DialogFooter({
  problem,
  saveLabel,
  busy = false,
  disabled = false,
  onCancel,
  onSave,
}: Props) {
  const { t } = useTranslation();
  return (
    <>
      {problem ? (
        <Text size="sm" c="red.9" role="alert">
          {t(problem)}
        </Text>
      ) : null}
      <Group justify="flex-end">
        <Button variant="default" onClick={onCancel}>
          {t('common.cancel')}
        </Button>
        <Button onClick={onSave} loading={busy} disabled={disabled}>
          {saveLabel}
        </Button>
      </Group>
    </>
  );
}
