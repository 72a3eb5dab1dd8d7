// Desktop reminders before deadlines, at the lead times the member chose in Settings (their
// profile), for what they still owe. Scheduled from the latest overview while the app runs, through
// the browser's Notification API (Electron shows it as a desktop notification); rescheduled when
// the overview or the member's choice changes.
import { liveQuery } from 'dexie';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { defaultReminderLeadHours } from '../../../shared/domain/profile';
import { db } from '../../state/db';
import { hostNow, useAssignmentsStore } from '../assignments/assignmentsStore';
import { remindersOf } from './remindersOf';

/** setTimeout's limit (about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

let timers: ReturnType<typeof setTimeout>[] = [];
let started = false;
let leadHours: readonly number[] = defaultReminderLeadHours;

function schedule(overview: RulesOverview | undefined): void {
  timers.forEach(clearTimeout);
  timers = [];
  if (!overview || typeof Notification === 'undefined') return;
  const now = hostNow();
  for (const r of remindersOf(overview, now, leadHours)) {
    if (r.at - now > MAX_DELAY) continue;
    timers.push(
      setTimeout(() => {
        if (Notification.permission === 'granted') new Notification(r.title, { body: r.body });
      }, r.at - now),
    );
  }
  if (timers.length > 0 && Notification.permission === 'default') void Notification.requestPermission();
}

/** Keeps reminders in step with the overview and the member's lead times from now on (idempotent). */
export function startReminders(): void {
  if (started) return;
  started = true;
  schedule(useAssignmentsStore.getState().overview);
  useAssignmentsStore.subscribe((state, previous) => {
    if (state.overview !== previous.overview) schedule(state.overview);
  });
  liveQuery(() => db.profiles.get('me')).subscribe({
    next: (profile) => {
      const chosen = profile?.reminderLeadHours ?? defaultReminderLeadHours;
      if (chosen.join() === leadHours.join()) return;
      leadHours = chosen;
      schedule(useAssignmentsStore.getState().overview);
    },
  });
}
