// What the member sees of an import: progress for big zips, the outcome, and each failure in words
// (sizes as "50 MB", counts as "10,000", in the member's language).
import { notifications } from '@mantine/notifications';
import type { TFunction } from 'i18next';
import type { ImportFailure, ImportProgress } from '../../shared/journal/journalImport';
import { formatSize } from '../shell/formatSize';
import { notify } from '../shell/notify';
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

/** A loading notice, shown once a zip turns out to be big and updated as it is read. */
export function importProgressNotice(t: TFunction, language: string) {
  let shown = false;
  return {
    update(progress: ImportProgress): void {
      if (progress.total < bigImport) return;
      const number = new Intl.NumberFormat(language);
      const data = {
        id: progressId,
        loading: true,
        autoClose: false as const,
        withCloseButton: false,
        title: t('journal.importTitle'),
        message: t('journal.importProgress', {
          name: progress.name,
          done: number.format(progress.done),
          total: number.format(progress.total),
        }),
      };
      if (shown) notifications.update(data);
      else notify(data);
      shown = true;
    },
    hide(): void {
      if (shown) notifications.hide(progressId);
    },
  };
}

/**
 * The outcome: what was imported (unless nothing was read at all), one lasting notice per zip refused
 * whole, and one for the files not imported.
 */
export function showImportOutcome(t: TFunction, language: string, outcome: ImportOutcome): void {
  const refused = outcome.failures.filter((failure) => failure.refusedArchive);
  const failed = outcome.failures.filter((failure) => !failure.refusedArchive);
  if (outcome.added + outcome.updated + outcome.unchanged > 0 || outcome.failures.length === 0)
    notify({ title: t('journal.importTitle'), message: t('journal.importDone', { ...outcome }) });
  for (const failure of refused)
    notify({
      color: 'red',
      autoClose: false,
      title: t('journal.importRefused', { name: failure.name }),
      message: failureMessage(t, language, failure),
    });
  if (failed.length)
    notify({
      color: 'red',
      autoClose: 12_000,
      title: t('journal.importTitle'),
      message: t('journal.importFailed', {
        count: failed.length,
        names: failed.map((f) => `${f.name} (${failureMessage(t, language, f)})`).join('; '),
      }),
    });
}
