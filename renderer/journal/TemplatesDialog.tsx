// The member's own templates: add one (name and Markdown text) or delete one, and choose which
// template "Reflect now" starts from.
import { ActionIcon, Button, Divider, Group, Modal, Stack, Text, Textarea, TextInput } from '@mantine/core';
import { IconTrash } from '@tabler/icons-react';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { reportError } from '../shell/reportError';
import { db } from '../state/db';
import { openDialog, useJournalStore } from './journalStore';
import { deleteTemplate, saveTemplate } from './journalTemplates';
import { ReflectTemplateSelect } from './ReflectTemplateSelect';

export function TemplatesDialog() {
  const { t } = useTranslation();
  const opened = useJournalStore((state) => state.dialog === 'templates');
  const liveTemplates = useLiveQuery(() => db.journalTemplates.orderBy('createdAt').toArray(), []);
  const templates = liveTemplates ?? [];
  const [name, setName] = useState('');
  const [body, setBody] = useState('');

  function add(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return;
    saveTemplate(name, body)
      .then(() => {
        setName('');
        setBody('');
      })
      .catch(reportError);
  }

  return (
    <Modal
      opened={opened}
      onClose={() => openDialog(null)}
      title={t('journal.templatesTitle')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('journal.close') }}
    >
      <Stack gap="sm">
        <ReflectTemplateSelect templates={liveTemplates} />
        <Divider />
        <Text size="sm" c="dimmed">
          {t('journal.templatesHint')}
        </Text>
        {templates.length === 0 ? <Text size="sm">{t('journal.noTemplates')}</Text> : null}
        {templates.map((template) => (
          <Group key={template.id} justify="space-between" wrap="nowrap">
            <Text truncate>{template.name}</Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={`${t('journal.deleteTemplate')}: ${template.name}`}
              onClick={() => void deleteTemplate(template.id)}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <form onSubmit={add}>
          <Stack gap="xs">
            <TextInput
              label={t('journal.templateName')}
              value={name}
              onChange={(event) => setName(event.currentTarget.value)}
              required
              maxLength={100}
            />
            <Textarea
              label={t('journal.templateBody')}
              value={body}
              onChange={(event) => setBody(event.currentTarget.value)}
              autosize
              minRows={4}
            />
            <Group justify="flex-end">
              <Button type="submit">{t('journal.addTemplate')}</Button>
            </Group>
          </Stack>
        </form>
      </Stack>
    </Modal>
  );
}
