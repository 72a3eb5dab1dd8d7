// Shows any error as a notification in the member's language; details stay in the console.
import i18next from 'i18next';
import { LecternError } from '../../shared/api/errors';
import { notify } from './notify';

/** Messages that stay until they are dismissed, shown once however many calls fail the same way. */
const lasting = new Set(['errors.hostRestarted', 'errors.notSignedIn']);

export function reportError(error: unknown): void {
  const messageKey = error instanceof LecternError ? error.messageKey : 'errors.internal';
  if (!(error instanceof LecternError)) console.error(error);
  const stays = lasting.has(messageKey);
  notify({
    ...(stays && { id: messageKey }),
    color: 'red',
    title: i18next.t('errors.title'),
    message: i18next.t(messageKey),
    autoClose: stays ? false : 8000,
  });
}
