// Reminders for every group the member is in, at once: each group's deadlines at the chosen leads,
// named by group when there are several, judged by each host's clock, and rescheduled when a group
// changes (a check-in made), leaves, or the member chooses other lead times.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { locales } from '../../../shared/i18n/translate';
import { ReminderSchedule, type Clock, type DueReminder } from './reminderSchedule';

const H = 3_600_000;
const T0 = Date.parse('2025-03-03T00:00:00Z');

/** One upcoming assignment due `dueIn` from T0, checked in or not. */
function overview(title: string, dueIn: number, checkedIn = false): RulesOverview {
  return {
    assignments: [
      {
        occurrences: [
          {
            key: `${title}#1`,
            title,
            phase: 'upcoming',
            submitDeadline: new Date(T0 + dueIn).toISOString(),
            critiqueDeadline: new Date(T0 + dueIn + 24 * H).toISOString(),
            ...(checkedIn ? { mine: { submission: 'on-time' } } : {}),
          },
        ],
      },
    ],
    duties: [],
  } as unknown as RulesOverview;
}

/** A clock the test moves by hand; timers fire as it passes them. */
function fakeClock() {
  let now = T0;
  let timers: Array<{ at: number; run: () => void; id: number }> = [];
  let next = 0;
  const clock: Clock = {
    now: () => now,
    setTimeout: (run, ms) => {
      timers.push({ at: now + ms, run, id: ++next });
      return next;
    },
    clearTimeout: (id) => {
      timers = timers.filter((t) => t.id !== id);
    },
  };
  const advance = (ms: number) => {
    now += ms;
    const due = timers.filter((t) => t.at <= now).sort((a, b) => a.at - b.at);
    timers = timers.filter((t) => t.at > now);
    due.forEach((t) => t.run());
  };
  return { clock, advance, scheduled: () => timers.length };
}

function setUp() {
  const shown: DueReminder[] = [];
  const { clock, advance, scheduled } = fakeClock();
  const schedule = new ReminderSchedule((r) => shown.push(r), clock);
  schedule.setLeadHours([24, 2]);
  return { shown, advance, scheduled, schedule };
}

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: locales.en } }, showSupportNotice: false });
});

describe('ReminderSchedule across groups', () => {
  it("reminds of every group's deadlines, each named by its group, in the order they come", () => {
    const { shown, advance, schedule } = setUp();
    schedule.setGroup({ groupId: 'g1', name: 'Sunday club', overview: overview('Story', 48 * H), skew: 0 });
    schedule.setGroup({ groupId: 'g2', name: 'Work circle', overview: overview('Pitch', 30 * H), skew: 0 });

    advance(48 * H);
    expect(shown.map((r) => [r.title, (r.at - T0) / H])).toEqual([
      ['Work circle: Due soon: Pitch', 6],
      ['Sunday club: Due soon: Story', 24],
      ['Work circle: Due soon: Pitch', 28],
      ['Sunday club: Due soon: Story', 46],
    ]);
  });

  it('names no group when the member is in one only', () => {
    const { schedule } = setUp();
    schedule.setGroup({ groupId: 'g1', name: 'Sunday club', overview: overview('Story', 48 * H), skew: 0 });
    expect(schedule.pending().map((r) => r.title)).toEqual(['Due soon: Story', 'Due soon: Story']);
  });

  it("comes when the host's deadline nears, whatever this page's clock says", () => {
    const { shown, advance, schedule } = setUp();
    // The host runs 10 minutes ahead of this page: its deadline comes 10 minutes sooner here.
    schedule.setGroup({ groupId: 'g1', name: 'A', overview: overview('Story', 3 * H), skew: 10 * 60_000 });
    advance(50 * 60_000 - 1);
    expect(shown).toEqual([]);
    advance(1);
    expect(shown.map((r) => r.title)).toEqual(['Due soon: Story']);
  });

  it('drops what is done, what a group that left owed, and follows new lead times', () => {
    const { shown, advance, scheduled, schedule } = setUp();
    schedule.setGroup({ groupId: 'g1', name: 'A', overview: overview('Story', 48 * H), skew: 0 });
    schedule.setGroup({ groupId: 'g2', name: 'B', overview: overview('Pitch', 48 * H), skew: 0 });
    expect(scheduled()).toBe(4);

    schedule.setGroup({ groupId: 'g1', name: 'A', overview: overview('Story', 48 * H, true), skew: 0 });
    schedule.removeGroup('g2');
    expect(scheduled()).toBe(0);

    schedule.setGroup({ groupId: 'g2', name: 'B', overview: overview('Pitch', 48 * H), skew: 0 });
    schedule.setLeadHours([6]);
    expect(scheduled()).toBe(1);
    advance(48 * H);
    expect(shown.map((r) => [r.title, (r.at - T0) / H])).toEqual([['B: Due soon: Pitch', 42]]);
  });

  it('schedules nothing past what a timer can wait; the next reschedule picks it up', () => {
    const { schedule } = setUp();
    schedule.setGroup({ groupId: 'g1', name: 'A', overview: overview('Far', 40 * 24 * H), skew: 0 });
    expect(schedule.pending()).toEqual([]);
  });
});
