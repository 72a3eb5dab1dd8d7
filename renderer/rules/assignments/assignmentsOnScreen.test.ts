import { describe, expect, it } from 'vitest';
import type { AssignmentView, OccurrenceView } from '../../../shared/api/rulesOverview';
import { assignmentsOnScreen, pastActions } from './assignmentsOnScreen';

const target = { minSeconds: 60, maxSeconds: 120 };
const once = { repeat: 'once', submitBy: '2026-03-01T21:00', critiqueBy: '2026-03-03T21:00' } as const;

function occurrence(
  assignment: string,
  n: number,
  phase: OccurrenceView['phase'],
  day: number,
): OccurrenceView {
  const date = `2026-03-${String(day).padStart(2, '0')}`;
  return {
    key: `${assignment}#${n}`,
    assignment,
    occurrence: n,
    title: assignment,
    prompt: '',
    target,
    submitBy: `${date}T21:00`,
    critiqueBy: `${date}T23:00`,
    submitDeadline: `${date}T13:00:00.000Z`,
    critiqueDeadline: `${date}T15:00:00.000Z`,
    phase,
  };
}

function assignment(id: string, over: Partial<AssignmentView>): AssignmentView {
  return { id, title: id, prompt: '', target, schedule: once, ended: false, occurrences: [], ...over };
}

describe('the Assignments tab', () => {
  const views = [
    assignment('over', { occurrences: [occurrence('over', 1, 'closed', 5)] }),
    assignment('series', {
      schedule: {
        repeat: 'weekly',
        startsOn: '2026-03-01',
        submitBy: { weekday: 'sun', time: '21:00' },
        critiqueBy: { weekday: 'tue', time: '21:00' },
      },
      occurrences: [occurrence('series', 1, 'closed', 1), occurrence('series', 2, 'upcoming', 8)],
    }),
    assignment('late', { occurrences: [occurrence('late', 1, 'late', 6)] }),
    assignment('neverOpen', { dueBeforeSet: occurrence('neverOpen', 1, 'closed', 2) }),
    assignment('endedOpen', { ended: true, occurrences: [occurrence('endedOpen', 1, 'upcoming', 7)] }),
    assignment('endedOver', { ended: true, occurrences: [occurrence('endedOver', 1, 'closed', 3)] }),
    assignment('allCancelled', {}),
  ];
  const { cards, past } = assignmentsOnScreen(views);

  it('shows each assignment exactly once: open ones as cards, soonest first, the rest in the past list', () => {
    expect(cards.map((o) => o.key)).toEqual(['late#1', 'endedOpen#1', 'series#2']);
    expect(past.map((p) => [p.assignment.id, p.status])).toEqual([
      ['over', 'over'],
      ['endedOver', 'cancelled'],
      ['neverOpen', 'neverOpen'],
      ['allCancelled', 'cancelled'],
    ]);
    expect(cards.length + past.length).toBe(views.length);
  });

  it('offers the coach what still means something for each past one', () => {
    const actions = Object.fromEntries(past.map((p) => [p.assignment.id, pastActions(p)]));
    expect(actions).toEqual({
      over: ['edit', 'postpone', 'cancelOne'],
      endedOver: ['edit', 'cancelOne'],
      neverOpen: ['edit', 'postpone', 'end'],
      allCancelled: [],
    });
  });
});
