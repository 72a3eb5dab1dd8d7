// Desktop notifications for new critiques on my speeches and replies to my comments, through the
// browser's Notification API (Electron shows it natively; its window allows this permission).
// Only what is new since the last look is announced, and nothing while the page has no permission.
import i18next from 'i18next';
import type { CritiqueInbox } from '../../shared/critique/critiqueInbox';

/** Asks once, from a member's click (browsers want a gesture); later calls do nothing. */
export function askForNotifications(): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'default') return;
  void Notification.requestPermission().catch(() => undefined);
}

/** The unread items of `after` that `before` did not have. */
export function newItems(before: CritiqueInbox, after: CritiqueInbox): CritiqueInbox['items'] {
  const seen = new Set(before.items.map((i) => i.noteId));
  return after.items.filter((i) => i.unread && !seen.has(i.noteId));
}

export function notifyNewCritiques(before: CritiqueInbox, after: CritiqueInbox): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  for (const item of newItems(before, after).slice(0, 3)) {
    const title = i18next.t(item.type === 'critique' ? 'critique.notify.critique' : 'critique.notify.reply', {
      title: item.recordingTitle,
    });
    try {
      new Notification(title, { body: item.preview, tag: item.noteId });
    } catch {
      // Some platforms refuse notifications from a page; the inbox still shows the item.
    }
  }
}
