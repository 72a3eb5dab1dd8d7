// The library's notifications, with a close button named in the member's language.
import { notifications, type NotificationData } from '@mantine/notifications';
import i18next from 'i18next';

export function notify(data: NotificationData): void {
  notifications.show({ ...data, closeButtonProps: { 'aria-label': i18next.t('library.closeNotice') } });
}
