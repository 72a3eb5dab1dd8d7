import { describe, expect, it } from 'vitest';
import { standingsCsv } from './standingsCsv';
import type { Standing } from './standings';

const standing = (name: string, points: number): Standing => ({
  member: 'a'.repeat(64),
  name,
  points,
  streak: 1,
  missesInARow: 0,
  missesTotal: 2,
  status: 'active',
  counts: { onTime: 1, late: 0, missed: 2, excused: 0, pardoned: 0 },
  history: [],
});

describe('standingsCsv', () => {
  it('writes a BOM, a header and one quoted-as-needed row per member', () => {
    const csv = standingsCsv({
      asOf: 0,
      timeZone: 'Asia/Shanghai',
      rulesVersion: 1,
      members: [standing('安娜', 12), standing('Li, "Bo"', -3), standing('=HYPERLINK("x")', 0)],
    });
    expect(csv.startsWith('\uFEFFrank,name,member,status,points')).toBe(true);
    const lines = csv.slice(1).split('\r\n');
    expect(lines).toHaveLength(5);
    expect(lines[1]).toBe(`1,安娜,${'a'.repeat(64)},active,12,1,0,2,1,0,2,0,0,0`);
    expect(lines[2]).toContain('"Li, ""Bo""",');
    expect(lines[2]).toContain(',-3,');
    expect(lines[3]).toContain(`"'=HYPERLINK(""x"")"`);
    expect(lines[4]).toBe('');
  });

  it('names its columns and statuses as asked, in the same order', () => {
    const csv = standingsCsv(
      { asOf: 0, timeZone: 'UTC', rulesVersion: 1, members: [standing('安娜', 12)] },
      {
        column: (c) => (c === 'rank' ? '名次' : c === 'name' ? '成员' : c.toUpperCase()),
        status: (s) => (s === 'active' ? '正常' : s),
      },
    );
    expect(csv).toBe(
      '\uFEFF名次,成员,MEMBER,STATUS,POINTS,STREAK,MISSES_IN_A_ROW,MISSES_TOTAL,ON_TIME,LATE,MISSED,EXCUSED,PARDONED,CRITIQUES_GIVEN\r\n' +
        `1,安娜,${'a'.repeat(64)},正常,12,1,0,2,1,0,2,0,0,0\r\n`,
    );
  });
});
