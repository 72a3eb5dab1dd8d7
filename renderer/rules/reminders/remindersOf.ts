// Which reminders are due before deadlines, for what this member still owes (a check-in not yet
// made, critiques not yet given), at the lead times the member chose in Settings.
import i18next from 'i18next';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { formatCountdown, joinNames } from '../assignments/formatDeadline';

const HOUR = 3_600_000;

export interface Reminder {
  at: number;
  title: string;
  body: string;
}

/** The reminders still ahead of `now`, `leadHours` before each deadline; none when it is empty. */
export function remindersOf(overview: RulesOverview, now: number, leadHours: readonly number[]): Reminder[] {
  const t = i18next.t.bind(i18next);
  const out: Reminder[] = [];
  const add = (deadline: number, title: () => string, body: (left: string) => string) => {
    for (const hours of leadHours) {
      const at = deadline - hours * HOUR;
      if (at > now) out.push({ at, title: title(), body: body(formatCountdown(hours * HOUR, t)) });
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
