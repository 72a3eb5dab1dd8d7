// The journal's other actions: export what is shown, import files (see importNotices.ts for what the
// member is told), the trash and templates.
import { Button, FileButton, Group, Indicator } from '@mantine/core';
import { IconFileImport, IconFileZip, IconTrash } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { JournalEntry } from '../../shared/journal/journalEntry';
import { reportError } from '../shell/reportError';
import { flushDraft } from './entryDraftStore';
import { importProgressNotice, showImportOutcome } from './importNotices';
import { openDialog } from './journalStore';
import { exportEntriesById, importFromFiles } from './journalTransfer';

export function JournalMenu({ shown, trashCount }: { shown: JournalEntry[]; trashCount: number }) {
  const { t, i18n } = useTranslation();

  async function runImport(files: File[]) {
    if (files.length === 0) return;
    const progress = importProgressNotice(t, i18n.language);
    try {
      await flushDraft();
      const outcome = await importFromFiles(files, { onProgress: progress.update, onAudio: progress.audio });
      progress.hide();
      showImportOutcome(t, i18n.language, outcome);
    } catch (error) {
      progress.hide();
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
      <FileButton onChange={(files) => void runImport(files)} accept=".md,.markdown,.txt,.json,.zip" multiple>
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
