// The coach's week in a format-2 group: a member who checks in "on time" by their own clock while
// offline, and whom nobody else sees until long after the deadline, is shown as "on time, unwitnessed";
// the coach's ruling counts it late, and undoing it restores the on-time check-in.
import { utf8ToBytes } from '@noble/hashes/utils.js';
import { describe, expect, it } from 'vitest';
import { appRegistry } from '../group/appRegistry';
import { causalGroup } from '../group/causalScenario';
import type { Peer } from '../group/causalScenario';
import { PROFILE_UPDATE } from '../group/groupEvent';
import type { GroupEvent } from '../group/groupEvent';
import { SCENARIO_T0, recordingEvent } from '../group/scenario';
import { firstWitnessed } from '../group/witnesses';
import { ASSIGNMENT_CREATED, CHECK_IN_RULED, CHECK_IN_SUBMITTED } from './ruleEvents';
import { assignmentBody } from './rulesScenario';
import { buildRulesOverview } from './rulesOverview';

const H = 3_600_000;
/** Saturday 10 January 2026, 21:00 in Shanghai: the submission deadline. */
const DEADLINE = Date.UTC(2026, 0, 10, 13, 0);

function checkIn(peer: Peer, at: number, assignment: string): GroupEvent {
  const shared = recordingEvent(
    peer.device,
    at - 1,
    `speech ${at}`,
    utf8ToBytes(`audio ${at}`),
    utf8ToBytes('p'),
  );
  const recording = peer.write(shared.kind, shared.body, at - 1);
  return peer.write(CHECK_IN_SUBMITTED, { assignment, occurrence: 1, recording: recording.id }, at);
}

function week() {
  const peers = causalGroup('unwitnessed', 3, SCENARIO_T0, appRegistry) as [Peer, Peer, Peer, Peer];
  const [coach, ana, bo, cy] = peers;
  [ana, bo, cy].forEach((p, i) => p.join(['Ana', 'Bo', 'Cy'][i]!, SCENARIO_T0 + 60_000));
  [ana, bo, cy].forEach((p) => coach.receive(p));
  [ana, bo, cy].forEach((p, i) => coach.decide(p, 'approve', SCENARIO_T0 + 120_000 + i));
  const assignment = coach.write(
    ASSIGNMENT_CREATED,
    assignmentBody({ repeat: 'once', submitBy: '2026-01-10T21:00', critiqueBy: '2026-01-12T21:00' }),
    SCENARIO_T0 + H,
  );
  peers.forEach((a) => peers.forEach((b) => a.receive(b)));
  // Bo checks in and syncs at once: the coach's next event has it in its past.
  const bos = checkIn(bo, DEADLINE - 3 * H, assignment.id);
  coach.receive(bo);
  coach.write(PROFILE_UPDATE, { bio: 'seen Bo' }, DEADLINE - 2 * H);
  // Ana's clock says an hour before the deadline, but nobody sees her check-in for 30 hours.
  const anas = checkIn(ana, DEADLINE - H, assignment.id);
  bo.receive(ana);
  const sighting = bo.write(PROFILE_UPDATE, { bio: 'seen Ana' }, DEADLINE + 30 * H);
  peers.forEach((p) => coach.receive(p));
  const overview = (asOf: number, witnessed = true) => {
    const snapshot = coach.snapshot();
    return buildRulesOverview(
      snapshot.state,
      coach.keyId,
      asOf,
      undefined,
      witnessed ? firstWitnessed(snapshot) : null,
    );
  };
  const row = (asOf: number, name: string, witnessed = true) =>
    overview(asOf, witnessed).week!.rows.find((r) => r.name === name)!;
  return { coach, ana, bos, anas, sighting, overview, row };
}

describe('the coach’s week with witnesses', () => {
  it('flags a check-in nobody else saw within the grace, and only that one', () => {
    const w = week();
    const asOf = DEADLINE + 31 * H;
    expect(w.overview(asOf).week).toMatchObject({ offlineGraceHours: 24, phase: 'late' });
    expect(w.row(asOf, 'Ana')).toMatchObject({
      outcome: 'on-time',
      unwitnessed: {
        checkIn: w.anas.id,
        checkedInAt: new Date(DEADLINE - H).toISOString(),
        witnessedAt: new Date(DEADLINE + 30 * H).toISOString(),
        ruledLate: false,
      },
    });
    expect(w.row(asOf, 'Bo').unwitnessed).toBeUndefined();
    expect(w.row(asOf, 'Cy')).toMatchObject({ outcome: 'open' });
    expect(w.row(asOf, 'Cy').unwitnessed).toBeUndefined();
    // Within the grace nothing is flagged yet; where witnesses cannot be known, nothing ever is.
    expect(w.row(DEADLINE + 23 * H, 'Ana').unwitnessed).toBeUndefined();
    expect(w.row(asOf, 'Ana', false).unwitnessed).toBeUndefined();
  });

  it('counts it late once the coach rules so, for the coach and the member alike, until undone', () => {
    const w = week();
    w.coach.write(CHECK_IN_RULED, { checkIn: w.anas.id, late: true }, DEADLINE + 32 * H);
    const ruled = w.overview(DEADLINE + 33 * H);
    const ana = ruled.week!.rows.find((r) => r.name === 'Ana')!;
    expect(ana).toMatchObject({
      outcome: 'late',
      points: 5,
      unwitnessed: { checkIn: w.anas.id, ruledLate: true },
    });
    const anasView = buildRulesOverview(
      w.coach.snapshot().state,
      w.ana.keyId,
      DEADLINE + 33 * H,
      undefined,
      null,
    );
    expect(anasView.current?.mine).toMatchObject({ id: w.anas.id, submission: 'late' });
    w.coach.write(CHECK_IN_RULED, { checkIn: w.anas.id, late: false }, DEADLINE + 34 * H);
    expect(w.row(DEADLINE + 35 * H, 'Ana')).toMatchObject({
      outcome: 'on-time',
      points: 10,
      unwitnessed: { checkIn: w.anas.id, ruledLate: false },
    });
  });
});

describe('the coach’s week before and after its deadline', () => {
  /** One member of three (Bo) checks in three hours before the deadline; nobody critiques. */
  function loneSubmission() {
    const peers = causalGroup('lone', 3, SCENARIO_T0, appRegistry) as [Peer, Peer, Peer, Peer];
    const [coach, ana, bo, cy] = peers;
    [ana, bo, cy].forEach((p, i) => p.join(['Ana', 'Bo', 'Cy'][i]!, SCENARIO_T0 + 60_000));
    [ana, bo, cy].forEach((p) => coach.receive(p));
    [ana, bo, cy].forEach((p, i) => coach.decide(p, 'approve', SCENARIO_T0 + 120_000 + i));
    const assignment = coach.write(
      ASSIGNMENT_CREATED,
      assignmentBody({ repeat: 'once', submitBy: '2026-01-10T21:00', critiqueBy: '2026-01-12T21:00' }),
      SCENARIO_T0 + H,
    );
    peers.forEach((a) => peers.forEach((b) => a.receive(b)));
    checkIn(bo, DEADLINE - 3 * H, assignment.id);
    coach.receive(bo);
    return (asOf: number) => buildRulesOverview(coach.snapshot().state, coach.keyId, asOf, undefined, null);
  }

  it('shows when a submitted check-in came in, and the others as not yet in, not missed', () => {
    const week = loneSubmission()(DEADLINE - H).week!;
    expect(week.phase).toBe('upcoming');
    const rows = Object.fromEntries(week.rows.map((r) => [r.name, r]));
    expect(rows['Bo']).toMatchObject({
      outcome: 'submitted',
      checkedInAt: new Date(DEADLINE - 3 * H).toISOString(),
    });
    expect(rows['Cy']).toMatchObject({ outcome: 'open', atRisk: false });
    expect(rows['Cy']!.checkedInAt).toBeUndefined();
  });

  it('keeps the time once the week is scored', () => {
    const bo = loneSubmission()(DEADLINE + H).week!.rows.find((r) => r.name === 'Bo')!;
    expect(bo).toMatchObject({ outcome: 'on-time', checkedInAt: new Date(DEADLINE - 3 * H).toISOString() });
  });

  it('queues a lone submission with no critique as short of the rules’ count, never as enough', () => {
    const queue = loneSubmission()(DEADLINE + H).reviewQueue;
    expect(queue.map((q) => [q.name, q.received, q.needed])).toEqual([['Bo', 0, 2]]);
  });
});
