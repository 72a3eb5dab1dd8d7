// The short critique guideline (commend, recommend, commend) a member sees the first time they write
// a critique in a group; remembered per group on this computer.
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconHeartHandshake } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';

const key = (groupId: string) => `lectern.critique.guideSeen.${groupId}`;

export function guideSeen(groupId: string): boolean {
  return localStorage.getItem(key(groupId)) === '1';
}

export function markGuideSeen(groupId: string): void {
  localStorage.setItem(key(groupId), '1');
}

export function KindnessGuide({ groupId }: { groupId: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(() => !guideSeen(groupId));
  if (!open) return null;
  return (
    <Alert
      variant="outline"
      color="teal.9"
      icon={<IconHeartHandshake />}
      title={t('critique.guide.title')}
      data-testid="kindness-guide"
    >
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Text size="sm">{t('critique.guide.body')}</Text>
        <Button
          size="xs"
          variant="outline"
          color="teal.9"
          onClick={() => {
            markGuideSeen(groupId);
            setOpen(false);
          }}
        >
          {t('critique.guide.ok')}
        </Button>
      </Group>
    </Alert>
  );
}
