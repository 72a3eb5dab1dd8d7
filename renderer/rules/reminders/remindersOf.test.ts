// Reminders come at the lead times the member chose, only for what they still owe, and not at all
// when they chose none.
import i18next from 'i18next';
import { beforeAll, describe, expect, it } from 'vitest';
import type { OccurrenceView, RulesOverview } from '../../../shared/api/rulesOverview';
import { locales } from '../../../shared/i18n/translate';
import { remindersOf } from './remindersOf';

const H = 3_600_000;
const now = Date.parse('2025-03-03T00:00:00Z');
const due = now + 72 * H;

function occurrence(mine: boolean): OccurrenceView {
  return {
    key: 'a1#1',
    assignment: 'a1',
    occurrence: 1,
    title: 'Table topics',
    prompt: '',
    target: { minSeconds: 60, maxSeconds: 90 },
    submitBy: '2025-03-06T08:00',
    critiqueBy: '2025-03-07T08:00',
    submitDeadline: new Date(due).toISOString(),
    critiqueDeadline: new Date(due + 24 * H).toISOString(),
    phase: 'upcoming',
    ...(mine
      ? { mine: { id: 'c', recording: 'r', recordingTitle: 'r', at: '', submission: 'on-time' as const } }
      : {}),
  };
}

function overview(mine = false, owed = false): RulesOverview {
  return {
    assignments: [{ occurrences: [occurrence(mine)] }],
    duties: owed
      ? [
          {
            key: 'a0#1',
            title: 'Last week',
            critiqueBy: '',
            critiqueDeadline: new Date(now + 5 * H).toISOString(),
            owed: [
              { member: 'm1', name: 'Ada', given: false },
              { member: 'm2', name: 'Ben', given: true },
            ],
          },
        ]
      : [],
  } as unknown as RulesOverview;
}

beforeAll(async () => {
  await i18next.init({ lng: 'en', resources: { en: { translation: locales.en } }, showSupportNotice: false });
});

describe('remindersOf', () => {
  it('reminds at each chosen lead before the submission deadline, saying how long is left', () => {
    const reminders = remindersOf(overview(), now, [24, 1, 48]);
    expect(reminders.map((r) => (due - r.at) / H)).toEqual([48, 24, 1]);
    expect(reminders[0]).toMatchObject({
      title: 'Due soon: Table topics',
      body: '2 d 0 h left to check in your speech.',
    });
    expect(reminders[2]!.body).toBe('1 h 0 min left to check in your speech.');
  });

  it('gives no reminders at all when the member chose none', () => {
    expect(remindersOf(overview(false, true), now, [])).toEqual([]);
  });

  it('skips what is already done and leads already past', () => {
    const reminders = remindersOf(overview(true, true), now, [2, 6]);
    expect(reminders).toHaveLength(1);
    expect(reminders[0]).toMatchObject({ at: now + 3 * H, title: 'Critiques due soon' });
    expect(reminders[0]!.body).toBe('You owe critiques to Ada: 2 h 0 min left.');
  });
});
