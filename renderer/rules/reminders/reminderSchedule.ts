// The timers behind deadline reminders, for every group the member is in at once: each group's
// overview (judged by its host's clock), the member's lead times, and one timer per reminder ahead.
// Rescheduled whenever a group's overview or the lead times change; no DOM, so it is tested alone.
import i18next from 'i18next';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { defaultReminderLeadHours } from '../../../shared/domain/profile';
import { remindersOf, type Reminder } from './remindersOf';

/** setTimeout's limit (about 24.8 days); further reminders wait for a later reschedule. */
export const MAX_DELAY = 2 ** 31 - 1;

export interface GroupOverview {
  groupId: string;
  name: string;
  overview: RulesOverview;
  /** The host's clock minus this page's, so a reminder comes when the host's deadline nears. */
  skew: number;
}

export interface DueReminder extends Reminder {
  groupId: string;
  /** Milliseconds from now (this page's clock). */
  delay: number;
}

/** Every group's reminders still ahead of `now`, soonest first; the group is named when there are several. */
export function remindersOfGroups(
  groups: readonly GroupOverview[],
  now: number,
  leadHours: readonly number[],
): DueReminder[] {
  const out: DueReminder[] = [];
  for (const g of groups)
    for (const r of remindersOf(g.overview, now + g.skew, leadHours))
      out.push({
        ...r,
        title:
          groups.length > 1
            ? i18next.t('assignments.reminder.inGroup', { group: g.name, title: r.title })
            : r.title,
        groupId: g.groupId,
        delay: r.at - (now + g.skew),
      });
  return out.sort((a, b) => a.delay - b.delay);
}

export interface Clock {
  now(): number;
  setTimeout(run: () => void, ms: number): unknown;
  clearTimeout(timer: unknown): void;
}

const realClock: Clock = {
  now: () => Date.now(),
  setTimeout: (run, ms) => setTimeout(run, ms),
  clearTimeout: (timer) => clearTimeout(timer as ReturnType<typeof setTimeout>),
};

export class ReminderSchedule {
  private readonly groups = new Map<string, GroupOverview>();
  private leadHours: readonly number[] = defaultReminderLeadHours;
  private timers: unknown[] = [];

  constructor(
    private readonly show: (reminder: DueReminder) => void,
    private readonly clock: Clock = realClock,
  ) {}

  setGroup(group: GroupOverview): void {
    this.groups.set(group.groupId, group);
    this.reschedule();
  }

  /** A group left, or one this member cannot see the rules of (not approved yet). */
  removeGroup(groupId: string): void {
    if (this.groups.delete(groupId)) this.reschedule();
  }

  setLeadHours(hours: readonly number[]): void {
    if (hours.join() === this.leadHours.join()) return;
    this.leadHours = hours;
    this.reschedule();
  }

  /** What is scheduled now, soonest first (for tests and logs). */
  pending(): DueReminder[] {
    return remindersOfGroups([...this.groups.values()], this.clock.now(), this.leadHours).filter(
      (r) => r.delay <= MAX_DELAY,
    );
  }

  stop(): void {
    this.timers.forEach((timer) => this.clock.clearTimeout(timer));
    this.timers = [];
  }

  private reschedule(): void {
    this.stop();
    this.timers = this.pending().map((r) => this.clock.setTimeout(() => this.show(r), r.delay));
  }
}
