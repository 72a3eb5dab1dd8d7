import { describe, expect, it } from 'vitest';
import type { WeekRow, WeekView } from '../../../shared/api/rulesOverview';
import { weekCsv, weekCsvName } from './weekCsv';
import type { WeekColumn } from './weekCsv';

const row = (name: string, patch: Partial<WeekRow>): WeekRow => ({
  member: name.padEnd(64, '0'),
  name,
  status: 'active',
  outcome: 'open',
  critiquesOwed: 0,
  critiquesOwedGiven: 0,
  critiquesGiven: 0,
  points: 0,
  atRisk: false,
  ...patch,
});

/** This week, before its deadline: Ada submitted (with a reflection), 小明 not yet. */
const current: WeekView = {
  key: 'a#1',
  title: '一分钟 自我介绍',
  submitBy: '2027-03-07T21:00',
  critiqueBy: '2027-03-09T21:00',
  phase: 'upcoming',
  offlineGraceHours: 24,
  rows: [
    row('Ada', {
      outcome: 'submitted',
      checkedInAt: '2027-03-07T11:30:00.000Z',
      reflection: '开场太快,下次慢一点',
    }),
    row('小明', {}),
  ],
};

const zh: Record<WeekColumn, string> = {
  name: '成员',
  member: '成员编号',
  submission: '提交情况',
  checked_in_at: '打卡时间',
  owed_critiques_given: '应点评已完成',
  owed_critiques: '应点评',
  critiques_given: '已给点评',
  points: '积分',
  at_risk: '有风险',
  reflection: '反思',
};
const words = {
  column: (c: WeekColumn) => zh[c],
  outcome: (o: string) => ({ submitted: '已提交', open: '未交', 'on-time': '按时', missed: '缺交' })[o] ?? o,
  atRisk: '是',
};

describe('weekCsv', () => {
  it('holds every row of the current week, not yet scored, under a header in the member’s language', () => {
    const lines = weekCsv(current, 'Asia/Shanghai', words).split('\r\n');
    expect(lines[0]).toBe(
      '\uFEFF成员,成员编号,提交情况,打卡时间,应点评已完成,应点评,已给点评,积分,有风险,反思',
    );
    // The check-in time in the group's zone (19:30 in Shanghai); a comma in the reflection is quoted.
    expect(lines[1]).toBe(
      `Ada,${'Ada'.padEnd(64, '0')},已提交,2027-03-07 19:30,0,0,0,0,,"开场太快,下次慢一点"`,
    );
    expect(lines[2]).toBe(`小明,${'小明'.padEnd(64, '0')},未交,,0,0,0,0,,`);
    expect(lines).toHaveLength(4);
    expect(lines[3]).toBe('');
  });

  it('writes a scored week’s points, duty and risk', () => {
    const scored: WeekView = {
      ...current,
      phase: 'closed',
      rows: [
        row('Ada', {
          outcome: 'on-time',
          critiquesOwed: 2,
          critiquesOwedGiven: 1,
          critiquesGiven: 3,
          points: 10,
        }),
        row('Chen', { outcome: 'missed', points: -5, atRisk: true }),
      ],
    };
    const lines = weekCsv(scored, 'Asia/Shanghai', words).split('\r\n');
    expect(lines[1]).toContain(',按时,,1,2,3,10,,');
    expect(lines[2]).toContain(',缺交,,0,0,0,-5,是,');
  });

  it('names the file after the week, safe for any file system', () => {
    expect(weekCsvName(current)).toBe('一分钟-自我介绍-2027-03-07.csv');
  });
});
