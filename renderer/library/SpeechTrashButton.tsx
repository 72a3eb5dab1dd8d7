// The library's way into the speech trash, showing how many speeches wait there (like the journal's).
import { Button, Indicator } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { openTrash } from './speechTrashStore';

export function SpeechTrashButton({ count }: { count: number }) {
  const { t } = useTranslation();
  return (
    <Indicator label={<span aria-hidden>{count}</span>} size={16} disabled={count === 0} color="gray.7">
      <Button
        variant="default"
        leftSection={<IconTrash size={16} />}
        aria-label={count > 0 ? t('library.trash.openWithCount', { count }) : undefined}
        aria-haspopup="dialog"
        onClick={() => openTrash(true)}
      >
        {t('library.trash.open')}
      </Button>
    </Indicator>
  );
}
