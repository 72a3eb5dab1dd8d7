// Every assignment a group has shows in the overview: one whose deadline had passed when it was set
// (never counted, but the coach must be able to see, move or cancel it), one due months ahead, and an
// ordinary one, which carries nothing extra.
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { ASSIGNMENT_CANCELLED, ASSIGNMENT_POSTPONED } from './ruleEvents';
import { assignmentBody, createAssignment, eventAt, rulesGroup } from './rulesScenario';
import { buildRulesOverview } from './rulesOverview';

const DAY = 86_400_000;
const T0 = Date.UTC(2026, 2, 1, 1, 0); // Sunday 09:00 in Shanghai
const g = rulesGroup('shown', 'Asia/Shanghai', 1, T0);
const NOW = g.ready + DAY;
const overview = (events: GroupEvent[], asOf = NOW) =>
  buildRulesOverview(
    foldGroup(g.groupId, [...g.events, ...events], appRegistry),
    g.coach.key.keyId,
    asOf,
    undefined,
    null,
  );

const pastOneOff = createAssignment(
  g.coach,
  g.ready,
  assignmentBody(
    { repeat: 'once', submitBy: '2026-02-20T21:00', critiqueBy: '2026-02-22T21:00' },
    '上周的即兴演讲',
  ),
);

describe('the assignments of the overview', () => {
  it('show one set after its deadline by that deadline, closed, though it never counts', () => {
    const [a] = overview([pastOneOff]).assignments;
    expect(a).toMatchObject({ id: pastOneOff.id, ended: false, occurrences: [] });
    expect(a!.dueBeforeSet).toMatchObject({
      key: `${pastOneOff.id}#1`,
      occurrence: 1,
      title: '上周的即兴演讲',
      submitBy: '2026-02-20T21:00',
      phase: 'closed',
    });
    // Still there once the coach cancelled it; an ordinary occurrence once it was postponed.
    const cancelled = eventAt(g.coach, NOW - 1000, ASSIGNMENT_CANCELLED, { assignment: pastOneOff.id });
    expect(overview([pastOneOff, cancelled]).assignments[0]).toMatchObject({
      ended: true,
      dueBeforeSet: { occurrence: 1 },
    });
    const postponed = eventAt(g.coach, NOW - 1000, ASSIGNMENT_POSTPONED, {
      assignment: pastOneOff.id,
      occurrence: 1,
      submitBy: '2026-03-09T21:00',
      critiqueBy: '2026-03-11T21:00',
    });
    const moved = overview([pastOneOff, postponed]).assignments[0]!;
    expect(moved.dueBeforeSet).toBeUndefined();
    expect(moved.occurrences).toMatchObject([
      { occurrence: 1, submitBy: '2026-03-09T21:00', phase: 'upcoming' },
    ]);
  });

  it('show one due months ahead by its next occurrence', () => {
    const far = createAssignment(
      g.coach,
      g.ready,
      assignmentBody({ repeat: 'once', submitBy: '2026-09-01T21:00', critiqueBy: '2026-09-03T21:00' }),
    );
    const series = createAssignment(
      g.coach,
      g.ready + 1,
      assignmentBody({
        repeat: 'weekly',
        startsOn: '2026-08-03',
        submitBy: { weekday: 'sun', time: '21:00' },
        critiqueBy: { weekday: 'tue', time: '21:00' },
      }),
    );
    const byId = Object.fromEntries(overview([far, series]).assignments.map((a) => [a.id, a]));
    expect(byId[far.id]!.occurrences).toMatchObject([{ submitBy: '2026-09-01T21:00', phase: 'upcoming' }]);
    expect(byId[series.id]!.occurrences).toMatchObject([{ occurrence: 1, submitBy: '2026-08-09T21:00' }]);
  });

  it('add nothing to an ordinary assignment', () => {
    const due = createAssignment(
      g.coach,
      g.ready,
      assignmentBody({ repeat: 'once', submitBy: '2026-03-05T21:00', critiqueBy: '2026-03-07T21:00' }),
    );
    const [a] = overview([due]).assignments;
    expect(a!.dueBeforeSet).toBeUndefined();
    expect(a!.occurrences).toMatchObject([{ phase: 'upcoming' }]);
    expect(overview([due], Date.UTC(2026, 2, 10)).assignments[0]!.occurrences).toMatchObject([
      { phase: 'closed' },
    ]);
  });
});
