// The import report: per file, the entries taken from it (with the fields and attachments read) and
// what was left out and why; then the files not imported. Opened after an import that read another
// app's files or could not read some; Lectern's own files, read whole, need no report.
import { Divider, List, Modal, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { ImportNote } from '../../shared/journal/importReport';
import { journalImportLimits } from '../../shared/journal/journalImport';
import { formatSize } from '../shell/formatSize';
import { failureMessage } from './importNotices';
import { openDialog, useJournalStore } from './journalStore';

/** Entries listed at most: a vault of thousands of notes still opens at once. */
const maxNotes = 200;

export function ImportReportDialog() {
  const { t, i18n } = useTranslation();
  const opened = useJournalStore((state) => state.dialog === 'importReport');
  const report = useJournalStore((state) => state.importReport);
  const language = i18n.language;
  const notes = report?.notes ?? [];
  const files = groupByFile(notes.slice(0, maxNotes));
  const failed = report?.failures.filter((failure) => !failure.refusedArchive) ?? [];
  const limits = {
    maxFiles: new Intl.NumberFormat(language).format(journalImportLimits.maxAudioFiles),
    maxSize: formatSize(journalImportLimits.maxAudioBytes, language),
  };
  return (
    <Modal
      opened={opened && report !== null}
      onClose={() => openDialog(null)}
      title={t('journal.report.title')}
      size="lg"
      closeButtonProps={{ 'aria-label': t('journal.close') }}
    >
      {report ? (
        <Stack gap="md">
          <Text size="sm">
            {t('journal.importDone', { ...report })}
            {report.speeches > 0 ? ` ${t('journal.report.speeches', { count: report.speeches })}` : ''}
          </Text>
          {[...files].map(([name, entries]) => (
            <Stack key={name} gap={6} component="section" aria-label={name}>
              <Title order={3} size="h5" style={{ overflowWrap: 'anywhere' }}>
                {name}
              </Title>
              {entries.map((note) => (
                <Stack key={note.entryId} gap={2} pl="sm">
                  <Text size="sm" fw={500}>
                    {t('journal.report.entry', {
                      title: note.title || t('journal.untitled'),
                      date: note.date,
                    })}
                  </Text>
                  {note.taken.length > 0 ? (
                    <Text size="sm" c="dimmed" style={{ overflowWrap: 'anywhere' }}>
                      {t('journal.report.taken', { fields: note.taken.join(t('journal.report.separator')) })}
                    </Text>
                  ) : null}
                  {note.undated ? <Text size="sm">{t('journal.report.undated')}</Text> : null}
                  {note.dropped.length > 0 ? (
                    <>
                      <Text size="sm">{t('journal.report.dropped')}</Text>
                      <List size="sm" style={{ overflowWrap: 'anywhere' }}>
                        {note.dropped.map((item, i) => (
                          <List.Item key={i}>
                            {t(`journal.dropped.${item.reason}`, { what: item.what, ...limits })}
                          </List.Item>
                        ))}
                      </List>
                    </>
                  ) : null}
                </Stack>
              ))}
            </Stack>
          ))}
          {notes.length > maxNotes ? (
            <Text size="sm" c="dimmed">
              {t('journal.report.more', { count: notes.length - maxNotes })}
            </Text>
          ) : null}
          {failed.length > 0 ? (
            <Stack gap={6} component="section" aria-label={t('journal.report.failed')}>
              <Divider />
              <Title order={3} size="h5">
                {t('journal.report.failed')}
              </Title>
              <List size="sm" style={{ overflowWrap: 'anywhere' }}>
                {failed.map((failure, i) => (
                  <List.Item key={i}>
                    {failure.name}: {failureMessage(t, language, failure)}
                  </List.Item>
                ))}
              </List>
            </Stack>
          ) : null}
        </Stack>
      ) : null}
    </Modal>
  );
}

function groupByFile(notes: readonly ImportNote[]): Map<string, ImportNote[]> {
  const files = new Map<string, ImportNote[]>();
  for (const note of notes) {
    const list = files.get(note.name);
    if (list) list.push(note);
    else files.set(note.name, [note]);
  }
  return files;
}
