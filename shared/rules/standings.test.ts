import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { CritiqueGiven } from '../critique/critiqueFacts';
import { appRegistry } from '../group/appRegistry';
import { foldGroup } from '../group/fold';
import type { GroupEvent } from '../group/groupEvent';
import { expandSchedule } from './expandSchedule';
import type { RulesSetBody, WeeklySchedule } from './ruleEvents';
import {
  checkIn,
  assignmentBody,
  createAssignment,
  pardon,
  pause,
  revive,
  ruleCheckIn,
  rulesGroup,
  setRules,
} from './rulesScenario';
import { computeStandings } from './standings';
import type { Standing } from './standings';
import { zonedInstant } from './zonedTime';

const HOUR = 3600_000;
const T0 = Date.UTC(2026, 1, 23, 1, 0); // Monday 2026-02-23
const weekly: WeeklySchedule = {
  repeat: 'weekly',
  startsOn: '2026-03-02',
  submitBy: { weekday: 'sun', time: '21:00' },
  critiqueBy: { weekday: 'tue', time: '21:00' },
  occurrences: 6,
};
const RULES: RulesSetBody = {
  points: { onTime: 10, late: 5, critique: 2, missPenalty: 5, critiqueMissPenalty: 1 },
  out: { missesInARow: 2 },
  critiquesPerAssignment: 1,
};

function world(zone = 'Asia/Shanghai', count = 4, rules: RulesSetBody = RULES) {
  const g = rulesGroup(`standings-${zone}`, zone, count, T0);
  const series = createAssignment(g.coach, g.ready, assignmentBody(weekly));
  const deadlines = expandSchedule(weekly).map((d) => ({
    submit: zonedInstant(d.submitBy, zone),
    critique: zonedInstant(d.critiqueBy, zone),
  }));
  const base = [...g.events, series, setRules(g.coach, g.ready + 1, rules)];
  const stand = (events: GroupEvent[], asOf: number, critiques: CritiqueGiven[] = []) =>
    computeStandings(foldGroup(g.groupId, [...base, ...events], appRegistry), critiques, asOf);
  const of = (s: ReturnType<typeof stand>, i: number) =>
    s.members.find((m) => m.member === g.members[i]!.key.keyId)!;
  return { g, series, deadlines, stand, of, keys: g.members.map((m) => m.key.keyId) };
}

const outcomes = (s: Standing) => s.history.map((h) => h.outcome);

describe('computeStandings', () => {
  it('scores on time, late and missed, and leaves the window open until the critique deadline', () => {
    const w = world();
    const [d1] = w.deadlines as [{ submit: number; critique: number }];
    const events = [
      ...checkIn(w.g.members[0]!, d1.submit, w.series.id, 1), // exactly at the deadline
      ...checkIn(w.g.members[1]!, d1.submit + 1, w.series.id, 1), // one millisecond late
      ...checkIn(w.g.members[2]!, d1.submit - HOUR, w.series.id, 1),
    ];
    const open = w.stand(events, d1.submit + HOUR);
    expect([0, 1, 2, 3].map((i) => outcomes(w.of(open, i)))).toEqual([
      ['on-time'],
      ['late'],
      ['on-time'],
      ['open'],
    ]);
    const closed = w.stand(events, d1.critique + 1);
    expect([0, 1, 2, 3].map((i) => w.of(closed, i).points)).toEqual([10 - 1, 5, 10 - 1, -5]);
    expect(w.of(closed, 3)).toMatchObject({ missesInARow: 1, missesTotal: 1, status: 'warned', streak: 0 });
    expect(w.of(closed, 0)).toMatchObject({ streak: 1, status: 'active' });
    // Before the first deadline nothing is decided.
    expect(w.stand(events, d1.submit - 1).members.every((m) => m.history.length === 0)).toBe(true);
  });

  it('assigns critiques among on-time submitters and counts those given by the critique deadline', () => {
    const w = world();
    const [d1] = w.deadlines as [{ submit: number; critique: number }];
    const events = [0, 1, 2].flatMap((i) => checkIn(w.g.members[i]!, d1.submit - HOUR, w.series.id, 1));
    const recordingOf = (i: number) => events[i * 2]!.id;
    const before = w.stand(events, d1.critique + 1);
    const owed = w.of(before, 0).history[0]!.critiquesOwed;
    expect(owed).toHaveLength(1);
    const target = w.keys.indexOf(owed[0]!);
    const hlc = (ms: number) => `${new Date(ms).toISOString()}-0000-0123456789abcdef`;
    const facts: CritiqueGiven[] = [
      { author: w.keys[0]!, recordingId: recordingOf(target), hlc: hlc(d1.critique) },
      { author: w.keys[0]!, recordingId: recordingOf(target), hlc: hlc(d1.critique - HOUR) }, // the first one counts
      { author: w.keys[3]!, recordingId: recordingOf(0), hlc: hlc(d1.submit + HOUR) }, // a voluntary critique
      { author: w.keys[1]!, recordingId: recordingOf(0), hlc: hlc(d1.critique + 1) }, // too late
    ];
    const after = w.stand(events, d1.critique + 1, facts);
    expect(w.of(after, 0).history[0]).toMatchObject({ critiquesOwedGiven: 1, critiquesGiven: 1, points: 12 });
    expect(w.of(after, 3).history[0]).toMatchObject({
      outcome: 'missed',
      critiquesOwed: [],
      critiquesGiven: 1,
      points: -3,
    });
    expect(w.of(after, 1).history[0]).toMatchObject({ critiquesOwedGiven: 0, points: 9 });
  });

  it('puts a member out after K misses in a row, and a revival brings them back with a clean slate', () => {
    const w = world();
    const d = w.deadlines;
    const others = (n: number) =>
      [0, 1, 2].flatMap((i) => checkIn(w.g.members[i]!, d[n]!.submit - HOUR, w.series.id, n + 1));
    const events = [
      ...others(0),
      ...others(1),
      ...others(2),
      ...checkIn(w.g.members[3]!, d[2]!.submit - HOUR, w.series.id, 3),
    ];
    const out = w.stand(events, d[2]!.critique + 1);
    const m3 = w.of(out, 3);
    expect(outcomes(m3)).toEqual(['missed', 'missed', 'out']);
    expect(m3).toMatchObject({ status: 'out', outSince: `${w.series.id}#2`, points: -10 });
    const revived = w.stand(
      [...events, revive(w.g.coach, d[1]!.critique + HOUR, w.keys[3]!)],
      d[3]!.critique + 1,
    );
    expect(outcomes(w.of(revived, 3))).toEqual(['missed', 'missed', 'on-time', 'missed']);
    expect(w.of(revived, 3)).toMatchObject({ status: 'warned', missesInARow: 1, missesTotal: 3 });
    // A revival before the member was out does nothing.
    const early = w.stand(
      [...events, revive(w.g.coach, d[0]!.critique + HOUR, w.keys[3]!)],
      d[2]!.critique + 1,
    );
    expect(w.of(early, 3).status).toBe('out');
  });

  it('says how many misses are left, and shows a revival with its terms until the first week back is decided', () => {
    const w = world();
    const d = w.deadlines;
    const m = w.g.members[0]!;
    const key = w.keys[0]!;
    const fresh = w.of(w.stand([], d[0]!.submit - HOUR), 0);
    expect(fresh).toMatchObject({ status: 'active', missesToOut: 2 });
    expect(fresh.revival).toBeUndefined();
    expect(w.of(w.stand([], d[0]!.critique + 1), 0)).toMatchObject({ status: 'warned', missesToOut: 1 });
    const out = w.of(w.stand([], d[1]!.critique + 1), 0);
    expect(out.status).toBe('out');
    expect(out.missesToOut).toBeUndefined();
    expect(out.revival).toBeUndefined();

    const back = revive(w.g.coach, d[1]!.critique + HOUR, key, '本周交两篇演讲');
    const revived = w.of(w.stand([back], d[1]!.critique + 2 * HOUR), 0);
    expect(revived).toMatchObject({
      status: 'revived',
      missesToOut: 2,
      revival: { id: back.id, at: new Date(d[1]!.critique + HOUR).toISOString(), terms: '本周交两篇演讲' },
    });
    // Their first week back decided (on time), they are simply active; the terms stay on record.
    const onTime = checkIn(m, d[2]!.submit - HOUR, w.series.id, 3);
    const after = w.of(w.stand([back, ...onTime], d[2]!.submit + 1), 0);
    expect(after).toMatchObject({ status: 'active', revival: { terms: '本周交两篇演讲' } });
    // Out again after two more misses: the old revival no longer describes them.
    const outAgain = w.of(w.stand([back, ...onTime], d[4]!.critique + 1), 0);
    expect(outAgain.status).toBe('out');
    expect(outAgain.revival).toBeUndefined();
  });

  it('counts misses in total when the rules say so, and a pardon forgives one', () => {
    const w = world('Europe/Berlin', 2, { ...RULES, out: { missesTotal: 2 } });
    const d = w.deadlines;
    const events = [...checkIn(w.g.members[0]!, d[1]!.submit, w.series.id, 2)];
    const s = w.stand(events, d[2]!.critique + 1);
    expect(outcomes(w.of(s, 0))).toEqual(['missed', 'on-time', 'missed']);
    expect(w.of(s, 0).status).toBe('out');
    const forgiven = w.stand(
      [...events, pardon(w.g.coach, d[2]!.critique + HOUR, w.keys[0]!, w.series.id, 1)],
      d[2]!.critique + 2 * HOUR,
    );
    expect(outcomes(w.of(forgiven, 0))).toEqual(['pardoned', 'on-time', 'missed']);
    expect(w.of(forgiven, 0)).toMatchObject({ status: 'warned', missesTotal: 1, points: 10 - 5 - 0 });
  });

  it('stops penalties during a pause; a member cannot pause a deadline already past, a coach can', () => {
    const w = world();
    const d = w.deadlines;
    const m = w.g.members[0]!;
    const asOf = d[1]!.critique + 1;
    const own = w.stand([pause(m, d[0]!.submit - HOUR, w.keys[0]!, '2026-03-08', '2026-03-15')], asOf);
    expect(outcomes(w.of(own, 0))).toEqual(['excused', 'excused']);
    expect(w.of(own, 0)).toMatchObject({ points: 0, missesTotal: 0 });
    const backdated = w.stand([pause(m, d[0]!.critique, w.keys[0]!, '2026-03-08', '2026-03-15')], asOf);
    expect(outcomes(w.of(backdated, 0))).toEqual(['missed', 'excused']);
    const byCoach = w.stand([pause(w.g.coach, d[0]!.critique, w.keys[0]!, '2026-03-08', '2026-03-08')], asOf);
    expect(outcomes(w.of(byCoach, 0))).toEqual(['excused', 'missed']);
    const now = w.stand(
      [pause(m, d[0]!.submit - HOUR, w.keys[0]!, '2026-03-01', '2026-03-31')],
      d[1]!.submit - HOUR,
    );
    expect(w.of(now, 0).status).toBe('paused');
    // Streak survives a pause.
    const streak = w.stand(
      [
        ...checkIn(m, d[0]!.submit - HOUR, w.series.id, 1),
        pause(m, d[0]!.submit, w.keys[0]!, '2026-03-15', '2026-03-15'),
        ...checkIn(m, d[2]!.submit - HOUR, w.series.id, 3),
      ],
      d[2]!.critique + 1,
    );
    expect(w.of(streak, 0)).toMatchObject({ streak: 2, missesTotal: 0 });
  });

  it('applies a rules change only to deadlines after it, never retroactively', () => {
    const w = world();
    const d = w.deadlines;
    const m = w.g.members[0]!;
    const events = [1, 2, 3].flatMap((n) => checkIn(m, d[n - 1]!.submit - HOUR, w.series.id, n));
    const change = setRules(w.g.coach, d[1]!.submit - 2 * HOUR, {
      ...RULES,
      points: { ...RULES.points, onTime: 20 },
    });
    const asOf = d[2]!.critique + 1;
    const before = w.stand(events, asOf);
    const after = w.stand([...events, change], asOf);
    expect(w.of(before, 0).history.map((h) => h.points)).toEqual([10, 10, 10]); // alone: no critiques owed
    expect(w.of(after, 0).history.map((h) => [h.points, h.rulesVersion])).toEqual([
      [10, 1],
      [20, 2],
      [20, 2],
    ]);
    expect(after.rulesVersion).toBe(2);
  });

  it('decides on time across a daylight-saving change in New York, to the millisecond', () => {
    const w = world('America/New_York', 2);
    const [d1] = w.deadlines as [{ submit: number; critique: number }];
    expect(new Date(d1.submit).toISOString()).toBe('2026-03-09T01:00:00.000Z'); // Sunday 21:00 EDT, hours after the change
    const s = w.stand(
      [
        ...checkIn(w.g.members[0]!, d1.submit, w.series.id, 1),
        ...checkIn(w.g.members[1]!, d1.submit + 1, w.series.id, 1),
      ],
      d1.critique + 1,
    );
    expect([outcomes(w.of(s, 0)), outcomes(w.of(s, 1))]).toEqual([['on-time'], ['late']]);
  });

  it('is out exactly when the misses in a row first reach K, for any pattern (property)', () => {
    const worlds = [1, 2, 3, 4].map((k) => world('Europe/Berlin', 1, { ...RULES, out: { missesInARow: k } }));
    // Each week's check-in is built once per world, so the property only picks among them.
    const weekly = worlds.map((w) =>
      w.deadlines.map((d, n) => checkIn(w.g.members[0]!, d.submit - HOUR, w.series.id, n + 1)),
    );
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
        (k, submits) => {
          const w = worlds[k - 1]!;
          const events = submits.flatMap((yes, n) => (yes ? weekly[k - 1]![n]! : []));
          const s = w.of(w.stand(events, w.deadlines[5]!.critique + 1), 0);
          let row = 0;
          let outAt = -1;
          submits.forEach((yes, n) => {
            row = yes ? 0 : row + 1;
            if (outAt < 0 && row >= k) outAt = n;
          });
          expect(s.status === 'out').toBe(outAt >= 0);
          const expected = submits.map((yes, n) =>
            outAt >= 0 && n > outAt ? 'out' : yes ? 'on-time' : 'missed',
          );
          expect(outcomes(s)).toEqual(expected);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('never changes what was decided before a rules change (property)', () => {
    const w = world('America/New_York', 3);
    const d = w.deadlines;
    const events = [0, 1, 2, 3, 4, 5].flatMap((n) =>
      [0, 1, 2].flatMap((i) =>
        (n + i) % 4 === 0 ? [] : checkIn(w.g.members[i]!, d[n]!.submit + (i - 1) * HOUR, w.series.id, n + 1),
      ),
    );
    const asOf = d[5]!.critique + 1;
    const before = w.stand(events, asOf);
    fc.assert(
      fc.property(
        fc.integer({ min: d[0]!.submit - 2 * HOUR, max: d[5]!.submit }),
        fc.record({
          onTime: fc.nat(50),
          late: fc.nat(50),
          critique: fc.nat(5),
          missPenalty: fc.nat(50),
          critiqueMissPenalty: fc.nat(5),
        }),
        fc.integer({ min: 1, max: 3 }),
        (at, points, k) => {
          const after = w.stand(
            [
              ...events,
              setRules(w.g.coach, at, { points, out: { missesInARow: k }, critiquesPerAssignment: 2 }),
            ],
            asOf,
          );
          for (let i = 0; i < 3; i++) {
            const old = w.of(before, i).history;
            const now = w.of(after, i).history;
            old.forEach((h, n) => {
              if (d[n]!.submit < at) expect(now[n]).toEqual(h);
            });
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it('gives the same standings for any order and duplication of events and critique facts (property)', () => {
    const w = world('Asia/Shanghai', 5);
    const d = w.deadlines;
    const events: GroupEvent[] = [];
    for (let n = 0; n < 4; n++)
      for (let i = 0; i < 5; i++)
        if ((i + n) % 3 !== 0)
          events.push(
            ...checkIn(w.g.members[i]!, d[n]!.submit + (i === 4 ? HOUR : -HOUR), w.series.id, n + 1),
          );
    events.push(
      pause(w.g.members[2]!, T0 + 2 * HOUR, w.keys[2]!, '2026-03-15', '2026-03-22'),
      pardon(w.g.coach, d[1]!.critique + HOUR, w.keys[0]!, w.series.id, 1),
      setRules(w.g.coach, d[2]!.submit - HOUR, {
        ...RULES,
        out: { missesInARow: 3 },
        critiquesPerAssignment: 2,
      }),
    );
    const firstCheckIn = events.find((e) => e.kind === 'checkin.submitted')!;
    events.push(ruleCheckIn(w.g.coach, d[0]!.submit + 30 * HOUR, firstCheckIn.id));
    const recs = events.filter((e) => e.kind === 'recording.shared');
    const facts: CritiqueGiven[] = recs.slice(0, 8).map((r, i) => ({
      author: w.keys[(i + 1) % 5]!,
      recordingId: r.id,
      hlc: `${new Date(d[0]!.submit + (i + 1) * HOUR).toISOString()}-0000-0123456789abcdef`,
    }));
    const asOf = d[3]!.critique + 1;
    const expected = w.stand(events, asOf, facts);
    expect(expected.members.some((m) => m.counts.missed > 0 && m.counts.onTime > 0)).toBe(true);
    expect(
      expected.members.some(
        (m) => m.history[0]?.checkIn === firstCheckIn.id && m.history[0].outcome === 'late',
      ),
    ).toBe(true);
    fc.assert(
      fc.property(
        fc.shuffledSubarray(events, { minLength: events.length, maxLength: events.length }),
        fc.array(fc.nat(events.length - 1), { maxLength: 6 }),
        fc.shuffledSubarray(facts, { minLength: facts.length, maxLength: facts.length }),
        (perm, dups, factPerm) => {
          expect(
            w.stand([...perm, ...dups.map((i) => events[i]!)], asOf, [...factPerm, ...factPerm]),
          ).toEqual(expected);
        },
      ),
      { numRuns: 40 },
    );
  });
});
