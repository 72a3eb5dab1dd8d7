import { describe, expect, it } from 'vitest';
import type { PeriodResult, Standing, Standings } from '../../../shared/rules/standings';
import { standingsCsv } from '../../../shared/rules/standingsCsv';
import { weekStandings } from './weekStandings';

const entry = (key: string, outcome: PeriodResult['outcome'], points: number): PeriodResult => ({
  key,
  assignment: 'a',
  occurrence: Number(key.slice(2)),
  title: '演讲',
  submitBy: '2027-03-03T21:00',
  critiqueBy: '2027-03-05T21:00',
  outcome,
  points,
  rulesVersion: 0,
  critiquesOwed: [],
  critiquesOwedGiven: 0,
  critiquesGiven: 0,
});
const member = (name: string, history: PeriodResult[]): Standing => ({
  member: name.padEnd(64, '0'),
  name,
  points: history.reduce((n, h) => n + h.points, 0),
  streak: 0,
  missesInARow: 0,
  missesTotal: 0,
  status: 'active',
  counts: { onTime: 0, late: 0, missed: 0, excused: 0, pardoned: 0 },
  history,
});

describe('weekStandings', () => {
  it('keeps one week, with that week alone in points and counts, as CSV with a BOM', () => {
    const season: Standings = {
      asOf: 0,
      timeZone: 'Asia/Shanghai',
      rulesVersion: 0,
      members: [
        member('安娜', [entry('a#1', 'late', 5), entry('a#2', 'on-time', 10)]),
        member('Ada', [entry('a#1', 'on-time', 10), entry('a#2', 'missed', -5)]),
      ],
    };
    const week = weekStandings(season, 'a#1');
    expect(week.members.map((m) => [m.name, m.points, m.counts.onTime, m.counts.late])).toEqual([
      ['Ada', 10, 1, 0],
      ['安娜', 5, 0, 1],
    ]);
    const csv = standingsCsv(week);
    expect(csv.startsWith('\uFEFFrank,name')).toBe(true);
    expect(csv).toContain('2,安娜,');
  });
});
