// Every notification the app shows goes through here, so each one's close button is named in the
// member's language (screen readers announce "Close", not an unlabeled button).
import { notifications, type NotificationData } from '@mantine/notifications';
import i18next from 'i18next';

export function notify(data: NotificationData): string {
  return notifications.show({ ...data, closeButtonProps: { 'aria-label': i18next.t('common.close') } });
}
