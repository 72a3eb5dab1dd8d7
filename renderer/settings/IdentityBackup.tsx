// The member's group identity (an Ed25519 key on this computer): back it up to a passphrase-protected
// file, or bring a backup in on a second computer. Losing it means losing your place in your groups.
import { Alert, Button, FileButton, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconKey, IconUpload } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';

const minPassphrase = 8;

export function IdentityBackup() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const weak = passphrase.length < minPassphrase;

  const exportBackup = async () => {
    setBusy(true);
    try {
      const { backup } = await api.call('group.exportKey', { passphrase });
      const link = document.createElement('a');
      link.href = URL.createObjectURL(new Blob([backup], { type: 'application/json' }));
      link.download = 'lectern-identity-backup.json';
      link.click();
      URL.revokeObjectURL(link.href);
      notifications.show({ color: 'teal', message: t('settings.identity.exported') });
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const importBackup = async (file: File | null) => {
    if (!file) return;
    setBusy(true);
    try {
      await api.call('group.importKey', { backup: await file.text(), passphrase });
      notifications.show({ color: 'teal', message: t('settings.identity.imported') });
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  return (
    <Paper withBorder p="md" radius="md">
      <Stack>
        <Group gap="xs">
          <IconKey size={20} aria-hidden />
          <Title order={2} size="h4">
            {t('settings.identity.title')}
          </Title>
        </Group>
        <Alert color="yellow" variant="outline">
          <Text size="sm">{t('settings.identity.warning')}</Text>
        </Alert>
        <PasswordInput
          label={t('settings.identity.passphrase')}
          description={t('settings.identity.passphraseHint', { count: minPassphrase })}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
        />
        <Group>
          <Button
            leftSection={<IconDownload size={16} />}
            disabled={weak}
            loading={busy}
            onClick={() => void exportBackup()}
          >
            {t('settings.identity.export')}
          </Button>
          <FileButton onChange={(file) => void importBackup(file)} accept="application/json,.json">
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} />}
                disabled={passphrase === ''}
                loading={busy}
              >
                {t('settings.identity.import')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
    </Paper>
  );
}
