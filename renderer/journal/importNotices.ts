// What the member sees of an import: progress for big zips and for audio becoming speeches, the
// outcome, each zip refused whole, and the report of what was read and left out (ImportReportDialog)
// when there is one. Failures are in words (sizes as "50 MB", counts as "10,000", in the member's language).
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ImportFailure, ImportProgress } from '../../shared/journal/journalImport';
import { formatSize } from '../shell/formatSize';
import { notify } from '../shell/notify';
import { showImportReport } from './journalStore';
import type { ImportOutcome } from './journalTransfer';

/** Zips with fewer entries than this import too fast to need a progress notice. */
const bigImport = 200;
const progressId = 'journal-import-progress';

export function failureMessage(t: TFunction, language: string, failure: ImportFailure): string {
  const { size, maxSize, files, maxFiles, entry } = failure.values ?? {};
  const count = (n: number | undefined) =>
    n === undefined ? undefined : new Intl.NumberFormat(language).format(n);
  const bytes = (n: number | undefined) => (n === undefined ? undefined : formatSize(n, language));
  return t(failure.messageKey, {
    entry,
    files: count(files),
    maxFiles: count(maxFiles),
    size: bytes(size),
    maxSize: bytes(maxSize),
  });
}

/** A loading notice, shown once a zip turns out to be big (or holds audio) and updated as it is read. */
export function importProgressNotice(t: TFunction, language: string) {
  let shown = false;
  const number = new Intl.NumberFormat(language);
  const show = (message: string) => {
    const data = {
      id: progressId,
      loading: true,
      autoClose: false as const,
      withCloseButton: false,
      title: t('journal.importTitle'),
      message,
    };
    if (shown) notifications.update(data);
    else notify(data);
    shown = true;
  };
  return {
    update(progress: ImportProgress): void {
      if (progress.total < bigImport) return;
      show(
        t('journal.importProgress', {
          name: progress.name,
          done: number.format(progress.done),
          total: number.format(progress.total),
        }),
      );
    },
    audio(done: number, total: number): void {
      show(t('journal.importAudio', { done: number.format(done), total: number.format(total) }));
    },
    hide(): void {
      if (shown) notifications.hide(progressId);
    },
  };
}

/**
 * The outcome: what was imported (unless nothing was read at all), one lasting notice per zip refused
 * whole, and the report when another app's files were read or some files could not be.
 */
export function showImportOutcome(t: TFunction, language: string, outcome: ImportOutcome): void {
  const refused = outcome.failures.filter((failure) => failure.refusedArchive);
  const failed = outcome.failures.filter((failure) => !failure.refusedArchive);
  // The report says what the notice would, and more.
  if (failed.length || outcome.notes.length) showImportReport(outcome);
  else if (outcome.added + outcome.updated + outcome.unchanged > 0 || outcome.failures.length === 0)
    notify({ title: t('journal.importTitle'), message: t('journal.importDone', { ...outcome }) });
  for (const failure of refused)
    notify({
      color: 'red',
      autoClose: false,
      title: t('journal.importRefused', { name: failure.name }),
      message: failureMessage(t, language, failure),
    });
}
