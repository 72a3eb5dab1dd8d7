// First run: a display name and a language, then the app. Language changes preview at once.
import { Button, Center, Paper, SegmentedControl, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { uiLanguages, type UiLanguage } from '../../shared/api/contract';
import { DisplayName } from '../../shared/domain/profile';
import { applyLanguage, saveProfile } from '../state/profileActions';
import { reportError } from '../shell/reportError';

export function FirstRunScreen() {
  const { t, i18n } = useTranslation();
  const [displayName, setDisplayName] = useState('');
  // The message's key, not its text: said at render, so it follows a language switch.
  const [nameError, setNameError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const language = i18n.language as UiLanguage;

  async function submit(event: FormEvent) {
    event.preventDefault();
    const name = DisplayName.safeParse(displayName);
    if (!name.success) return setNameError(name.error.issues[0]?.message ?? 'firstRun.nameRequired');
    setSaving(true);
    try {
      await saveProfile({ displayName: name.data, language });
    } catch (error) {
      reportError(error);
      setSaving(false);
    }
  }

  return (
    <Center mih="100vh" p="md" component="main">
      <Paper withBorder shadow="sm" p="xl" radius="md" maw={480} w="100%">
        <form onSubmit={submit} noValidate>
          <Stack>
            <Title order={1}>{t('firstRun.title')}</Title>
            <Text c="dimmed">{t('firstRun.intro')}</Text>
            <TextInput
              label={t('firstRun.displayName')}
              description={t('firstRun.displayNameHint')}
              placeholder={t('firstRun.displayNamePlaceholder')}
              value={displayName}
              onChange={(event) => {
                setDisplayName(event.currentTarget.value);
                setNameError(null);
              }}
              error={nameError ? t(nameError) : null}
              data-autofocus
              autoFocus
              required
            />
            <Stack gap={4}>
              <Text size="sm" fw={500} id="first-run-language">
                {t('firstRun.language')}
              </Text>
              <SegmentedControl
                aria-labelledby="first-run-language"
                value={language}
                onChange={(value) => void applyLanguage(value as UiLanguage)}
                data={uiLanguages.map((lng) => ({ value: lng, label: t(`language.${lng}`) }))}
              />
            </Stack>
            <Button type="submit" loading={saving}>
              {t('firstRun.submit')}
            </Button>
          </Stack>
        </form>
      </Paper>
    </Center>
  );
}
