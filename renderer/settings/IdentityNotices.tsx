// What the member must know about their key, above every screen: it could not be opened (group
// features wait for a backup; Settings has the way back), or this copy of the data folder got its own
// device id (shown until read).
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconCopy, IconKeyOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { navigate, useUiStore } from '../state/uiStore';
import { dismissIdentityNotice, useIdentity } from './identityStore';
import { IdentityProblemText } from './IdentityProblemText';

export function IdentityNotices() {
  const { t } = useTranslation();
  const identity = useIdentity();
  const onSettings = useUiStore((state) => state.screen === 'settings');
  const problem = identity?.problem;
  const notice = identity?.notice;
  if (!problem && !notice) return null;
  return (
    <Stack mb="lg" gap="sm">
      {problem && !onSettings ? (
        <Alert color="red" icon={<IconKeyOff size={20} />} title={t('identity.problemTitle')} role="alert">
          <Stack gap="xs" align="flex-start">
            <IdentityProblemText problem={problem} />
            <Button size="xs" variant="white" color="red" onClick={() => navigate('settings')}>
              {t('identity.restore')}
            </Button>
          </Stack>
        </Alert>
      ) : null}
      {notice ? (
        <Alert color="blue" icon={<IconCopy size={20} />} title={t('identity.renewedTitle')} role="status">
          <Group justify="space-between" align="flex-end" wrap="nowrap">
            <Text size="sm">{t('identity.renewed')}</Text>
            <Button size="xs" variant="default" onClick={() => void dismissIdentityNotice()}>
              {t('identity.dismiss')}
            </Button>
          </Group>
        </Alert>
      ) : null}
    </Stack>
  );
}
