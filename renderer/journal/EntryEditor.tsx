// The open entry: title, date, mood, tags, linked speeches and the Markdown reflection, saved as
// the member types (see entryDraftStore), with its own export and delete.
import { ActionIcon, Button, Group, Paper, Stack, TagsInput, TextInput, Tooltip } from '@mantine/core';
import { notify } from '../shell/notify';
import { IconDownload, IconTemplate, IconTrash } from '@tabler/icons-react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { reportError } from '../shell/reportError';
import { editDraft, flushDraft, openDraft, useDraftStore } from './entryDraftStore';
import { moveToTrash, restoreEntry } from './journalActions';
import { selectEntry } from './journalStore';
import { saveTemplate } from './journalTemplates';
import { exportEntriesById } from './journalTransfer';
import { LinkedSpeechesInput } from './LinkedSpeechesInput';
import { MarkdownEditor } from './MarkdownEditor';
import { MoodPicker } from './MoodPicker';
import { SaveStatus } from './SaveStatus';
import { ShareEntryButton } from './ShareEntryButton';

export function EntryEditor({ entry, allTags }: { entry: JournalEntry; allTags: string[] }) {
  const { t } = useTranslation();
  const draft = useDraftStore((state) => (state.entryId === entry.id ? state.draft : null));
  useEffect(() => openDraft(entry), [entry]);
  if (!draft) return null;

  async function trash() {
    await flushDraft();
    await moveToTrash(entry.id);
    selectEntry(null);
    notify({
      message: (
        <Group justify="space-between" wrap="nowrap">
          {t('journal.deleted')}
          <Button
            size="compact-sm"
            variant="light"
            onClick={() => void restoreEntry(entry.id).then(() => selectEntry(entry.id))}
          >
            {t('journal.undo')}
          </Button>
        </Group>
      ),
    });
  }

  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label={draft.title || t('journal.untitled')}
    >
      <Stack gap="sm">
        <Group justify="space-between">
          <SaveStatus />
          <Group gap={4}>
            <ShareEntryButton entryId={entry.id} title={draft.title} body={draft.body} />
            <Tooltip label={t('journal.saveAsTemplate')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('journal.saveAsTemplate')}
                onClick={() =>
                  void saveTemplate(draft.title || t('journal.untitled'), draft.body)
                    .then(() => notify({ message: t('journal.templateSaved') }))
                    .catch(reportError)
                }
              >
                <IconTemplate size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('journal.exportEntry')}>
              <ActionIcon
                variant="subtle"
                aria-label={t('journal.exportEntry')}
                onClick={() => void exportEntriesById([entry.id]).catch(reportError)}
              >
                <IconDownload size={18} />
              </ActionIcon>
            </Tooltip>
            <Tooltip label={t('journal.delete')}>
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={t('journal.delete')}
                onClick={() => void trash()}
              >
                <IconTrash size={18} />
              </ActionIcon>
            </Tooltip>
          </Group>
        </Group>
        <TextInput
          label={t('journal.title')}
          placeholder={t('journal.titlePlaceholder')}
          value={draft.title}
          onChange={(event) => editDraft({ title: event.currentTarget.value })}
          maxLength={500}
        />
        <Group align="flex-end" gap="md">
          <TextInput
            type="date"
            label={t('journal.date')}
            value={draft.date}
            onChange={(event) => event.currentTarget.value && editDraft({ date: event.currentTarget.value })}
            w={170}
          />
          <MoodPicker value={draft.mood} onChange={(mood) => editDraft({ mood })} />
        </Group>
        <TagsInput
          label={t('journal.tags')}
          placeholder={t('journal.tagsPlaceholder')}
          data={allTags}
          value={draft.tags}
          onChange={(tags) => editDraft({ tags })}
          splitChars={[',', '，', '#']}
          clearable
        />
        <LinkedSpeechesInput value={draft.speechIds} onChange={(speechIds) => editDraft({ speechIds })} />
        <MarkdownEditor
          label={t('journal.body')}
          value={draft.body}
          onChange={(body) => editDraft({ body })}
        />
      </Stack>
    </Paper>
  );
}
