// The member's group identity (an Ed25519 key on this computer): back it up to a passphrase-protected
// file, or bring a backup in on a second computer. Losing it means losing your place in your groups.
// Both ask first, saying what the step gives away or takes on: the key is the member in every group.
import { Alert, Button, FileButton, Group, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { IconDownload, IconKey, IconUpload } from '@tabler/icons-react';
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { passphraseLimits } from '../../shared/api/groupContract';
import { useFieldError } from '../shell/fieldChecks';
import { passphraseProblem } from './passphraseCheck';
import { ConfirmDialog } from '../shell/ConfirmDialog';
import { downloadFile } from '../shell/downloadFile';
import { reportError } from '../shell/reportError';
import { reloadIdentity } from './identityStore';
import { notify } from '../shell/notify';

export function IdentityBackup() {
  const { t } = useTranslation();
  const [passphrase, setPassphrase] = useState('');
  const [busy, setBusy] = useState(false);
  const [confirmingExport, setConfirmingExport] = useState(false);
  /** The backup chosen to import, waiting for the member to confirm. */
  const [pendingImport, setPendingImport] = useState<File | null>(null);
  /** Clears the file input, so choosing the same file again after Cancel still asks. */
  const resetFileInput = useRef<() => void>(null);
  const exportProblem = passphraseProblem(passphrase, 'export');
  const importProblem = passphraseProblem(passphrase, 'import');
  const [triedExport, setTriedExport] = useState(false);
  const sayError = useFieldError(triedExport);

  const exportBackup = async () => {
    setBusy(true);
    try {
      const { backup } = await api.call('group.exportKey', { passphrase });
      downloadFile('lectern-identity-backup.json', backup, 'application/json');
      notify({ color: 'teal', message: t('settings.identity.exported') });
    } catch (error) {
      reportError(error);
    } finally {
      setBusy(false);
    }
  };

  const importBackup = async (file: File) => {
    setBusy(true);
    try {
      await api.call('group.importKey', { backup: await file.text(), passphrase });
      notify({ color: 'teal', message: t('settings.identity.imported') });
      void reloadIdentity(); // a key that could not be opened is back: its notices go
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
          description={t('settings.identity.passphraseHint', { count: passphraseLimits.min })}
          error={sayError(exportProblem)}
          value={passphrase}
          onChange={(event) => setPassphrase(event.currentTarget.value)}
        />
        <Group>
          <Button
            leftSection={<IconDownload size={16} />}
            disabled={passphrase === ''}
            loading={busy}
            onClick={() => {
              setTriedExport(true);
              if (!exportProblem) setConfirmingExport(true);
            }}
          >
            {t('settings.identity.export')}
          </Button>
          <FileButton onChange={setPendingImport} resetRef={resetFileInput} accept="application/json,.json">
            {(props) => (
              <Button
                {...props}
                variant="default"
                leftSection={<IconUpload size={16} />}
                disabled={importProblem !== undefined}
                loading={busy}
              >
                {t('settings.identity.import')}
              </Button>
            )}
          </FileButton>
        </Group>
      </Stack>
      <ConfirmDialog
        opened={confirmingExport}
        title={t('settings.identity.confirmExportTitle')}
        body={t('settings.identity.confirmExportBody')}
        confirmLabel={t('settings.identity.confirmExport')}
        onConfirm={() => void exportBackup()}
        onClose={() => setConfirmingExport(false)}
      />
      <ConfirmDialog
        opened={pendingImport !== null}
        title={t('settings.identity.confirmImportTitle')}
        body={t('settings.identity.confirmImportBody')}
        confirmLabel={t('settings.identity.confirmImport')}
        onConfirm={() => {
          if (pendingImport) void importBackup(pendingImport);
        }}
        onClose={() => {
          setPendingImport(null);
          resetFileInput.current?.();
        }}
      />
    </Paper>
  );
}
