// Settings: profile name, language, appearance, deadline reminders, Syncthing, and where the data lives.
import {
  Button,
  Code,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  TextInput,
  Title,
  useMantineColorScheme,
  type MantineColorScheme,
} from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { SavedStatus } from './SavedStatus';
import { uiLanguages, type UiLanguage } from '../../shared/api/contract';
import { DisplayName, type Profile, type ProfileInput } from '../../shared/domain/profile';
import { reportError } from '../shell/reportError';
import { saveProfile } from '../state/profileActions';
import { IdentityBackup } from './IdentityBackup';
import { LogsFolder } from './LogsFolder';
import { IdentityStatus } from './IdentityStatus';
import { ReminderLeadsSetting } from './ReminderLeadsSetting';
import { SyncthingSetting } from './SyncthingSetting';
import { useAppInfo } from '../state/useAppInfo';

export function SettingsScreen({ profile }: { profile: Profile }) {
  const { t } = useTranslation();
  const { colorScheme, setColorScheme } = useMantineColorScheme();
  const info = useAppInfo();
  const [name, setName] = useState(profile.displayName);
  // The message's key, not its text: said at render, so it follows a language switch.
  const [nameError, setNameError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);

  /** `announce`: say "Saved" under the name (the reminders card says its own result in words). */
  async function save(change: Partial<ProfileInput>, announce = true) {
    // The whole input each time: saveProfile writes what it is given, so a field left out is lost.
    const { displayName, language, reminderLeadHours } = profile;
    try {
      await saveProfile({ displayName, language, reminderLeadHours, ...change });
      if (announce) setSaved(true);
    } catch (error) {
      reportError(error);
    }
  }

  function submitName(event: FormEvent) {
    event.preventDefault();
    const parsed = DisplayName.safeParse(name);
    if (!parsed.success) return setNameError(parsed.error.issues[0]?.message ?? 'firstRun.nameRequired');
    void save({ displayName: parsed.data });
  }

  return (
    <Stack maw={640}>
      <Title order={1}>{t('settings.title')}</Title>
      <Paper withBorder p="md" radius="md">
        <form onSubmit={submitName}>
          <Stack>
            <Title order={2} size="h4">
              {t('settings.profile')}
            </Title>
            <Group align="flex-end">
              <TextInput
                style={{ flex: 1 }}
                label={t('settings.displayName')}
                value={name}
                error={nameError ? t(nameError) : null}
                onChange={(event) => {
                  setName(event.currentTarget.value);
                  setNameError(null);
                  setSaved(false);
                }}
              />
              <Button type="submit">{t('settings.save')}</Button>
            </Group>
            {saved ? <SavedStatus /> : null}
          </Stack>
        </form>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Stack>
          <Text fw={500} id="settings-language">
            {t('settings.language')}
          </Text>
          <SegmentedControl
            aria-labelledby="settings-language"
            value={profile.language}
            onChange={(value) => void save({ language: value as UiLanguage })}
            data={uiLanguages.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
          />
          <Text fw={500} id="settings-theme">
            {t('settings.theme')}
          </Text>
          <SegmentedControl
            aria-labelledby="settings-theme"
            value={colorScheme}
            onChange={(value) => setColorScheme(value as MantineColorScheme)}
            data={[
              { value: 'auto', label: t('settings.themeAuto') },
              { value: 'light', label: t('settings.themeLight') },
              { value: 'dark', label: t('settings.themeDark') },
            ]}
          />
        </Stack>
      </Paper>
      <ReminderLeadsSetting
        value={profile.reminderLeadHours}
        onChange={(hours) => void save({ reminderLeadHours: hours }, false)}
      />
      <SyncthingSetting />
      <Paper withBorder p="md" radius="md">
        <Stack gap="xs">
          <Title order={2} size="h4">
            {t('settings.data')}
          </Title>
          {info ? (
            <>
              <Text size="sm">{t('settings.dataDir')}</Text>
              <Code block>{info.dataDir}</Code>
              <IdentityStatus />
              {info.transport === 'http' ? (
                <Text size="sm" c="dimmed">
                  {t('settings.dataBrowser')}
                </Text>
              ) : null}
              <Text size="sm" c="dimmed">
                {t('settings.version', { version: info.version })} ·{' '}
                {t('settings.transport', {
                  transport: t(info.transport === 'ipc' ? 'settings.transportIpc' : 'settings.transportHttp'),
                })}
              </Text>
            </>
          ) : (
            <Text size="sm" c="dimmed">
              {t('common.loading')}
            </Text>
          )}
          <LogsFolder />
        </Stack>
      </Paper>
      <IdentityBackup />
    </Stack>
  );
}
