// Settings: whether to ask the local Syncthing about group folders (off by default), with its API key
// and GUI port. Only a port is asked for, never a host: Lectern asks 127.0.0.1 alone. The saved key
// never comes back from main; an empty key field keeps it.
import { Button, Group, NumberInput, Paper, PasswordInput, Stack, Switch, Text, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SavedStatus } from './SavedStatus';
import type { MethodOutput } from '../../shared/api/contractTypes';
import type { Contract } from '../../shared/api/contract';
import { SyncthingApiKey, SyncthingPort } from '../../shared/api/syncToolContract';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';

type Saved = MethodOutput<Contract, 'syncTool.settings'>;

export function SyncthingSetting() {
  const { t } = useTranslation();
  const [saved, setSaved] = useState<Saved>();
  const [enabled, setEnabled] = useState(false);
  const [apiKey, setApiKey] = useState('');
  const [port, setPort] = useState<number | string>('');
  // Message keys, said at render so they follow a language switch.
  const [keyError, setKeyError] = useState<string | null>(null);
  const [portError, setPortError] = useState<string | null>(null);
  const [done, setDone] = useState(false);

  useEffect(() => {
    let live = true;
    api.call('syncTool.settings', {}).then((value) => {
      if (!live) return;
      setSaved(value);
      setEnabled(value.enabled);
      setPort(value.port);
    }, reportError);
    return () => {
      live = false;
    };
  }, []);

  async function store(input: { enabled: boolean; port: number; apiKey?: string }) {
    try {
      await api.call('syncTool.saveSettings', input);
      setSaved({ enabled: input.enabled, port: input.port, hasApiKey: saved?.hasApiKey || !!input.apiKey });
      setApiKey('');
      setDone(true);
    } catch (error) {
      reportError(error);
    }
  }

  /** Turning it off saves at once; on, it waits for the key (unless one is saved already). */
  function toggle(on: boolean) {
    setEnabled(on);
    setDone(false);
    if (saved && (!on || saved.hasApiKey)) void store({ enabled: on, port: saved.port });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const key = apiKey.trim() === '' && saved?.hasApiKey ? undefined : SyncthingApiKey.safeParse(apiKey);
    const parsedPort = SyncthingPort.safeParse(port === '' ? Number.NaN : Number(port));
    setKeyError(key && !key.success ? (key.error.issues[0]?.message ?? 'syncthing.keyInvalid') : null);
    setPortError(parsedPort.success ? null : 'syncthing.portInvalid');
    if ((key && !key.success) || !parsedPort.success) return;
    void store({ enabled: true, port: parsedPort.data, ...(key ? { apiKey: key.data } : {}) });
  }

  if (!saved) return null;
  return (
    <Paper withBorder p="md" radius="md">
      <form onSubmit={submit} aria-labelledby="settings-syncthing">
        <Stack gap="sm">
          <Title order={2} size="h4" id="settings-syncthing">
            {t('syncthing.title')}
          </Title>
          <Text size="sm" c="dimmed">
            {t('syncthing.intro')}
          </Text>
          <Switch
            label={t('syncthing.enable')}
            checked={enabled}
            onChange={(event) => toggle(event.currentTarget.checked)}
          />
          {enabled ? (
            <>
              <PasswordInput
                label={t('syncthing.apiKey')}
                description={t('syncthing.apiKeyHint')}
                placeholder={saved.hasApiKey ? t('syncthing.apiKeySaved') : undefined}
                autoComplete="off"
                visibilityToggleButtonProps={{ 'aria-label': t('syncthing.showKey') }}
                value={apiKey}
                error={keyError ? t(keyError) : null}
                onChange={(event) => {
                  setApiKey(event.currentTarget.value);
                  setKeyError(null);
                  setDone(false);
                }}
              />
              <NumberInput
                label={t('syncthing.port')}
                description={t('syncthing.portHint', { port: port === '' ? '…' : port })}
                value={port}
                min={1}
                max={65535}
                allowDecimal={false}
                allowNegative={false}
                error={portError ? t(portError) : null}
                onChange={(value) => {
                  setPort(value);
                  setPortError(null);
                  setDone(false);
                }}
              />
              <Group>
                <Button type="submit">{t('settings.save')}</Button>
              </Group>
            </>
          ) : null}
          {done ? <SavedStatus /> : null}
        </Stack>
      </form>
    </Paper>
  );
}
