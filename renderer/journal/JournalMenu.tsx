// The journal's other actions: export what is shown, import files, the trash and templates.
import { Button, FileButton, Group, Indicator } from '@mantine/core';
import { notify } from './notify';
import { IconFileImport, IconFileZip, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { reportError } from '../shell/reportError';
import { flushDraft } from './entryDraftStore';
import { openDialog } from './journalStore';
import { exportEntriesById, importFromFiles } from './journalTransfer';

export function JournalMenu({ shown, trashCount }: { shown: JournalEntry[]; trashCount: number }) {
  const { t } = useTranslation();

  async function runImport(files: File[]) {
    if (files.length === 0) return;
    try {
      await flushDraft();
      const outcome = await importFromFiles(files);
      notify({
        title: t('journal.importTitle'),
        message: t('journal.importDone', { ...outcome }),
      });
      if (outcome.failures.length)
        notify({
          color: 'red',
          autoClose: 12_000,
          title: t('journal.importTitle'),
          message: t('journal.importFailed', {
            count: outcome.failures.length,
            names: outcome.failures.map((f) => `${f.name} (${t(f.messageKey)})`).join('; '),
          }),
        });
    } catch (error) {
      reportError(error);
    }
  }

  return (
    <Group gap="xs">
      <Button
        variant="default"
        leftSection={<IconFileZip size={16} />}
        disabled={shown.length === 0}
        onClick={() => void exportEntriesById(shown.map((entry) => entry.id)).catch(reportError)}
      >
        {t('journal.exportShown')}
      </Button>
      <FileButton onChange={(files) => void runImport(files)} accept=".md,.markdown,.txt,.zip" multiple>
        {(props) => (
          <Button variant="default" leftSection={<IconFileImport size={16} />} {...props}>
            {t('journal.import')}
          </Button>
        )}
      </FileButton>
      <Indicator label={trashCount} size={16} disabled={trashCount === 0} color="gray.7">
        <Button variant="default" leftSection={<IconTrash size={16} />} onClick={() => openDialog('trash')}>
          {t('journal.trash')}
        </Button>
      </Indicator>
    </Group>
  );
}
