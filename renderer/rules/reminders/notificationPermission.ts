// Whether this page may show desktop notifications, and asking for it: only ever from a button the
// member pressed (browsers want a gesture, and a prompt out of nowhere is a surprise).
import { useState } from 'react';

export type NotificationState = NotificationPermission | 'unsupported';

function current(): NotificationState {
  return typeof Notification === 'undefined' ? 'unsupported' : Notification.permission;
}

/** The permission now, and `ask` to call from a click handler; the state follows the answer. */
export function useNotificationPermission(): { permission: NotificationState; ask(): Promise<void> } {
  const [permission, setPermission] = useState(current);
  const ask = async () => {
    if (current() !== 'default') return setPermission(current());
    setPermission(await Notification.requestPermission().catch(() => current()));
  };
  return { permission, ask };
}
