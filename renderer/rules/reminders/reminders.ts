// Desktop reminders before deadlines, for every group the member is in, from app start (the shell
// starts them) until the app closes: each group's overview is loaded at start, again when the group
// changes and every few hours (a weekly assignment's next week appears), and the member's lead times
// follow their profile. Shown through the Notification API (Electron: a desktop notification) only
// once the member allowed it from a button (notificationPermission.ts); nothing here asks.
import { liveQuery } from 'dexie';
import { defaultReminderLeadHours } from '../../../shared/domain/profile';
import { api } from '../../api/api';
import { db } from '../../state/db';
import { ReminderSchedule, type DueReminder } from './reminderSchedule';

/** Overviews are reloaded this often even when nothing changed, so new weeks get their reminders. */
const REFRESH_MS = 6 * 3_600_000;
/** A sync announces many changes in a row: one reload per group per burst. */
const SETTLE_MS = 1_000;

function show(reminder: DueReminder): void {
  if (typeof Notification === 'undefined' || Notification.permission !== 'granted') return;
  try {
    new Notification(reminder.title, { body: reminder.body, tag: `${reminder.groupId}:${reminder.at}` });
  } catch {
    // Some platforms refuse notifications from a page; Home still shows what is due.
  }
}

/** Starts reminders for every joined group; returns how to stop them. */
export function startReminders(): () => void {
  const schedule = new ReminderSchedule(show);
  const names = new Map<string, string>();
  const waiting = new Map<string, ReturnType<typeof setTimeout>>();
  let stopped = false;

  const load = async (groupId: string) => {
    try {
      const asked = Date.now();
      const overview = await api.call('rules.overview', { groupId });
      if (!stopped)
        schedule.setGroup({ groupId, name: names.get(groupId) ?? '', overview, skew: overview.asOf - asked });
    } catch {
      schedule.removeGroup(groupId); // not a member (yet), or gone: nothing to remind of
    }
  };
  const loadAll = async () => {
    try {
      const groups = await api.call('group.list', {});
      for (const id of names.keys()) if (!groups.some((g) => g.groupId === id)) schedule.removeGroup(id);
      names.clear();
      for (const g of groups) names.set(g.groupId, g.name);
      await Promise.all(groups.map((g) => load(g.groupId)));
    } catch {
      // The host is not answering now; the next change or refresh tries again.
    }
  };
  const changed = (groupId: string) => {
    clearTimeout(waiting.get(groupId));
    waiting.set(
      groupId,
      setTimeout(() => {
        waiting.delete(groupId);
        void (names.has(groupId) ? load(groupId) : loadAll()); // a group just created or joined
      }, SETTLE_MS),
    );
  };

  void loadAll();
  const off = api.on('group.changed', ({ groupId }) => changed(groupId));
  const refresh = setInterval(() => void loadAll(), REFRESH_MS);
  const profile = liveQuery(() => db.profiles.get('me')).subscribe({
    next: (p) => schedule.setLeadHours(p?.reminderLeadHours ?? defaultReminderLeadHours),
  });
  return () => {
    stopped = true;
    off();
    clearInterval(refresh);
    waiting.forEach(clearTimeout);
    profile.unsubscribe();
    schedule.stop();
  };
}
