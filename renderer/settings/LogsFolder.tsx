// The way to the log files from Settings: the desktop app opens their folder; where the host cannot
// (the browser), or the system would not, the folder's path is shown to copy.
import { Button, Code, CopyButton, Group, Stack, Text } from '@mantine/core';
import { IconFolderOpen } from '@tabler/icons-react';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';

export function LogsFolder() {
  const { t } = useTranslation();
  const [shown, setShown] = useState<string>();

  async function open() {
    try {
      const { opened, folder } = await api.call('app.openLogsFolder', {});
      setShown(opened ? undefined : folder);
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <Stack gap="xs" mt="sm">
      <Text fw={500} id="settings-logs">
        {t('settings.logs')}
      </Text>
      <Text size="sm" c="dimmed">
        {t('settings.logsHint')}
      </Text>
      <Group>
        <Button variant="default" leftSection={<IconFolderOpen size={16} />} onClick={() => void open()}>
          {t('settings.openLogs')}
        </Button>
      </Group>
      {shown ? (
        <Stack gap={4}>
          <Text size="sm">{t('settings.logsFolder')}</Text>
          <Group gap="xs" wrap="nowrap" align="center">
            <Code block style={{ flex: 1, wordBreak: 'break-all' }} data-testid="logs-folder">
              {shown}
            </Code>
            <CopyButton value={shown}>
              {({ copied, copy }) => (
                <Button size="xs" variant="light" onClick={copy}>
                  {copied ? t('settings.copied') : t('settings.copyPath')}
                </Button>
              )}
            </CopyButton>
          </Group>
        </Stack>
      ) : null}
    </Stack>
  );
}
