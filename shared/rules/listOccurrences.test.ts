import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { occurrencesOf } from './listOccurrences';
import { ASSIGNMENT_CANCELLED, ASSIGNMENT_EDITED, ASSIGNMENT_POSTPONED } from './ruleEvents';
import { assignmentBody, createAssignment, eventAt, rulesGroup } from './rulesScenario';

const T0 = Date.UTC(2026, 2, 1, 1, 0); // Sunday 09:00 in Shanghai
const g = rulesGroup('occurrences', 'Asia/Shanghai', 1, T0);
const series = createAssignment(
  g.coach,
  g.ready,
  assignmentBody({
    repeat: 'weekly',
    startsOn: '2026-03-01',
    submitBy: { weekday: 'sun', time: '21:00' },
    critiqueBy: { weekday: 'tue', time: '21:00' },
  }),
);
const list = (more: GroupEvent[], through: number) =>
  occurrencesOf(foldGroup(g.groupId, [...g.events, series, ...more], appRegistry), { through });
const iso = (ms: number) => new Date(ms).toISOString();

describe('occurrencesOf', () => {
  it('expands an open-ended series up to `through`, with instants in the group zone', () => {
    const occ = list([], Date.UTC(2026, 2, 22, 13, 0));
    expect(occ.map((o) => o.occurrence)).toEqual([1, 2, 3, 4]);
    expect(iso(occ[0]!.submitDeadline)).toBe('2026-03-01T13:00:00.000Z');
    expect(iso(occ[0]!.critiqueDeadline)).toBe('2026-03-03T13:00:00.000Z');
    expect(list([], Date.UTC(2026, 2, 22, 12, 59)).map((o) => o.occurrence)).toEqual([1, 2, 3]);
  });

  it('applies per-occurrence edits and postponements, and drops cancelled or ended occurrences', () => {
    const at = (n: number) => g.ready + n * 1000;
    const occ = list(
      [
        eventAt(g.coach, at(1), ASSIGNMENT_EDITED, {
          assignment: series.id,
          occurrence: 2,
          title: '即兴演讲',
        }),
        eventAt(g.coach, at(2), ASSIGNMENT_POSTPONED, {
          assignment: series.id,
          occurrence: 3,
          submitBy: '2026-03-16T21:00',
          critiqueBy: '2026-03-18T21:00',
        }),
        eventAt(g.coach, at(3), ASSIGNMENT_CANCELLED, { assignment: series.id, occurrence: 1 }),
        // Ends the series on 2026-03-20: later occurrences drop out.
        eventAt(g.coach, Date.UTC(2026, 2, 20), ASSIGNMENT_CANCELLED, { assignment: series.id }),
      ],
      Date.UTC(2027, 0, 1),
    );
    expect(occ.map((o) => [o.occurrence, o.title, o.submitBy])).toEqual([
      [2, '即兴演讲', '2026-03-08T21:00'],
      [3, series.body.title, '2026-03-16T21:00'],
    ]);
  });

  it('drops occurrences due before the assignment was announced', () => {
    const late = createAssignment(
      g.coach,
      Date.UTC(2026, 2, 10),
      assignmentBody({ repeat: 'once', submitBy: '2026-03-08T21:00', critiqueBy: '2026-03-12T21:00' }),
    );
    expect(list([late], Date.UTC(2026, 3, 1)).filter((o) => o.assignment === late.id)).toEqual([]);
  });
});
