// Imports files one after another, with progress in the library and a notice for each result. The
// import in progress can be cancelled from its row: its half-made speech is discarded.
import i18next from 'i18next';
import { LecternError } from '../../shared/api/errors';
import { importSpeech } from './importSpeech';
import { notify } from '../shell/notify';
import { trackImport } from './speechesStore';

export async function importFiles(files: readonly File[]): Promise<void> {
  for (const [index, file] of files.entries()) {
    const key = `${Date.now()}-${index}-${file.name}`;
    const controller = new AbortController();
    const cancel = () => controller.abort();
    trackImport({ key, name: file.name, fraction: 0, cancel });
    try {
      await importSpeech(
        file,
        (fraction, stages) =>
          trackImport({ key, name: file.name, fraction: Math.min(fraction, 0.999), stages, cancel }),
        controller.signal,
      );
      notify({ color: 'teal', message: i18next.t('library.imported', { name: file.name }) });
    } catch (error) {
      if (controller.signal.aborted) {
        notify({ message: i18next.t('library.importCancelled', { name: file.name }) });
        continue;
      }
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
