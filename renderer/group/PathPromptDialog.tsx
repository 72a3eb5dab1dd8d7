// The in-app folder dialog of the browser build: type a path, main checks it is a folder.
import { Button, Group, Modal, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { LecternError } from '../../shared/api/errors';
import { answerPathPrompt, checkTypedPath, usePathPrompt } from './pickFolder';

export function PathPromptDialog() {
  const prompt = usePathPrompt((state) => state.prompt);
  return prompt ? <PathPromptForm key={prompt.title} title={prompt.title} /> : null;
}

function PathPromptForm({ title }: { title: string }) {
  const { t } = useTranslation();
  const [path, setPath] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    try {
      answerPathPrompt(await checkTypedPath(path.trim()));
    } catch (thrown) {
      setError(t(thrown instanceof LecternError ? thrown.messageKey : 'errors.internal'));
    }
  };
  return (
    <Modal opened onClose={() => answerPathPrompt(null)} title={title} centered>
      <form onSubmit={(event) => void submit(event)}>
        <Text size="sm" c="dimmed" mb="sm">
          {t('group.pathPromptHint')}
        </Text>
        <TextInput
          data-autofocus
          label={t('group.folderPath')}
          placeholder="/home/me/Sync/speech-club"
          value={path}
          error={error}
          onChange={(e) => setPath(e.currentTarget.value)}
        />
        <Group justify="flex-end" mt="md">
          <Button variant="default" onClick={() => answerPathPrompt(null)}>
            {t('common.cancel')}
          </Button>
          <Button type="submit" disabled={path.trim() === ''}>
            {t('group.useFolder')}
          </Button>
        </Group>
      </form>
    </Modal>
  );
}
