// Shows any error as a notification in the member's language; details stay in the console.
import { notifications } from '@mantine/notifications';
import i18next from 'i18next';
import { LecternError } from '../../shared/api/errors';

export function reportError(error: unknown): void {
  const messageKey = error instanceof LecternError ? error.messageKey : 'errors.internal';
  if (!(error instanceof LecternError)) console.error(error);
  notifications.show({
    color: 'red',
    title: i18next.t('errors.title'),
    message: i18next.t(messageKey),
    autoClose: 8000,
  });
}
