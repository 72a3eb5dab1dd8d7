// Desktop reminders before deadlines (24 h and 2 h) for what this member still owes: a check-in
// not yet made, critiques not yet given. Scheduled from the latest overview while the app runs,
// through the browser's Notification API (Electron shows it as a desktop notification).
import i18next from 'i18next';
import type { RulesOverview } from '../../shared/api/rulesOverview';
import { hostNow, useAssignmentsStore } from './assignmentsStore';
import { formatCountdown, joinNames } from './formatDeadline';

export const REMINDER_LEADS = [24 * 3_600_000, 2 * 3_600_000];
/** setTimeout's limit (about 24.8 days). */
const MAX_DELAY = 2 ** 31 - 1;

export interface Reminder {
  at: number;
  title: string;
  body: string;
}

/** The reminders still ahead of `now`, for what the overview says this member owes. */
export function remindersOf(overview: RulesOverview, now: number): Reminder[] {
  const t = i18next.t.bind(i18next);
  const out: Reminder[] = [];
  const add = (deadline: number, title: (left: string) => string, body: (left: string) => string) => {
    for (const lead of REMINDER_LEADS) {
      const at = deadline - lead;
      const left = formatCountdown(lead, t);
      if (at > now) out.push({ at, title: title(left), body: body(left) });
    }
  };
  for (const a of overview.assignments)
    for (const o of a.occurrences)
      if (o.phase === 'upcoming' && !o.mine)
        add(
          Date.parse(o.submitDeadline),
          () => t('assignments.reminder.submitTitle', { title: o.title }),
          (left) => t('assignments.reminder.submitBody', { left }),
        );
  for (const d of overview.duties) {
    const owed = d.owed.filter((o) => !o.given).map((o) => o.name);
    if (owed.length > 0)
      add(
        Date.parse(d.critiqueDeadline),
        () => t('assignments.reminder.critiqueTitle'),
        (left) => t('assignments.reminder.critiqueBody', { names: joinNames(owed, i18next.language), left }),
      );
  }
  return out.sort((x, y) => x.at - y.at);
}

let timers: ReturnType<typeof setTimeout>[] = [];
let started = false;

function schedule(overview: RulesOverview | undefined): void {
  timers.forEach(clearTimeout);
  timers = [];
  if (!overview || typeof Notification === 'undefined') return;
  const now = hostNow();
  for (const r of remindersOf(overview, now)) {
    if (r.at - now > MAX_DELAY) continue;
    timers.push(
      setTimeout(() => {
        if (Notification.permission === 'granted') new Notification(r.title, { body: r.body });
      }, r.at - now),
    );
  }
  if (timers.length > 0 && Notification.permission === 'default') void Notification.requestPermission();
}

/** Keeps reminders in step with the overview from now on (idempotent). */
export function startReminders(): void {
  if (started) return;
  started = true;
  schedule(useAssignmentsStore.getState().overview);
  useAssignmentsStore.subscribe((state, previous) => {
    if (state.overview !== previous.overview) schedule(state.overview);
  });
}
