// Imports files one after another, with progress in the library and a notice for each result.
import i18next from 'i18next';
import { LecternError } from '../../shared/api/errors';
import { importSpeech } from './importSpeech';
import { notify } from '../shell/notify';
import { trackImport } from './speechesStore';

export async function importFiles(files: readonly File[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    const key = `${Date.now()}-${index}-${file.name}`;
    trackImport({ key, name: file.name, fraction: 0 });
    try {
      await importSpeech(file, (fraction) =>
        trackImport({ key, name: file.name, fraction: Math.min(fraction, 0.999) }),
      );
      notify({ color: 'teal', message: i18next.t('library.imported', { name: file.name }) });
    } catch (error) {
      const messageKey = error instanceof LecternError ? error.messageKey : 'errors.unreadableAudio';
      notify({
        color: 'red',
        title: i18next.t('library.importFailed', { name: file.name }),
        message: i18next.t(messageKey),
        autoClose: 12000,
      });
    } finally {
      trackImport({ key, name: file.name, fraction: 1 });
    }
  }
}
