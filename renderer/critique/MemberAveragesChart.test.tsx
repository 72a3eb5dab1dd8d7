// The speaker's trend as members meet it, in both languages: a chart per criterion (overall first)
// and of the filler rate, a point per scored speech with the open one flagged, and a sentence for
// screen readers. (The drawing itself is @mantine/charts'; the e2e screenshots show it.)
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { criteriaOrder } from '../../shared/critique/criteria';
import type { AveragesPoint } from '../../shared/critique/memberAverages';
import { averagesSeries } from '../../shared/growth/growthSeries';
import { trendRows } from '../growth/TrendChart';
import { MemberAveragesChart } from './MemberAveragesChart';
import { initCritiqueI18n } from './testI18n';

const points: AveragesPoint[] = [
  {
    recordingId: 'r1',
    title: '破冰演讲',
    sharedAt: 'a',
    evaluations: 2,
    averages: { clarity: 2.5 },
    overall: 2.5,
  },
  {
    recordingId: 'r2',
    title: 'Week 2',
    sharedAt: 'b',
    evaluations: 1,
    averages: { clarity: 5, pacing: 4 },
    overall: 4.5,
  },
  { recordingId: 'r3', title: 'Week 3', sharedAt: 'c', evaluations: 1, averages: { clarity: 4 }, overall: 4 },
];

function renderChart(over: Partial<Parameters<typeof MemberAveragesChart>[0]> = {}) {
  return render(
    <MantineProvider>
      <MemberAveragesChart points={points} currentRecordingId="r2" {...over} />
    </MantineProvider>,
  );
}

const series = () => [...document.querySelectorAll<HTMLElement>('[data-testid="trend-series"]')];

describe('MemberAveragesChart (English)', () => {
  beforeAll(() => initCritiqueI18n('en'));

  it('draws the overall average first, then each criterion scored, then the filler rate', () => {
    renderChart({
      fillers: [{ recordingId: 'r2', title: 'Week 2', sharedAt: 'b', perMinute: 3.2, counters: 2 }],
    });
    expect(screen.getByRole('heading', { name: "The speaker's trend" })).toBeTruthy();
    expect(series().map((s) => s.dataset.series)).toEqual([
      'overall',
      'clarity',
      'pacing',
      'fillersPerMinute',
    ]);
    // Each names its latest value beside its name.
    expect(series().map((s) => s.querySelector('p')!.textContent)).toEqual([
      'Overall 4',
      'Clarity 4',
      'Pacing 4',
      'Fillers per minute 3.2',
    ]);
  });

  it('reads each chart as a sentence', () => {
    renderChart({
      fillers: [
        { recordingId: 'r1', title: '破冰演讲', sharedAt: 'a', perMinute: 6, counters: 1 },
        { recordingId: 'r3', title: 'Week 3', sharedAt: 'c', perMinute: 2.5, counters: 1 },
      ],
    });
    expect(screen.getByRole('img', { name: 'Overall: from 2.5 to 4 over 3 speeches' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Pacing: 4 on 1 speech' })).toBeTruthy();
    expect(
      screen.getByRole('img', { name: 'Fillers per minute: from 6 to 2.5 over 2 speeches' }),
    ).toBeTruthy();
  });

  it('gives the chart a point per scored speech, a gap where unscored, the open speech flagged', () => {
    const clarity = averagesSeries(points, criteriaOrder()).find((s) => s.id === 'clarity')!;
    expect(trendRows(clarity, 'r2')).toEqual([
      { id: 'r1', title: '破冰演讲', value: 2.5, current: false },
      { id: 'r2', title: 'Week 2', value: 5, current: true },
      { id: 'r3', title: 'Week 3', value: 4, current: false },
    ]);
    const pacing = averagesSeries(points, criteriaOrder()).find((s) => s.id === 'pacing')!;
    expect(trendRows(pacing).map((r) => r.value)).toEqual([null, 4, null]);
  });

  it('says so when no speech of the member was scored or marked', () => {
    renderChart({ points: [] });
    expect(screen.getByText('No evaluation forms on this member’s speeches yet.')).toBeTruthy();
    expect(series()).toHaveLength(0);
  });
});

describe('MemberAveragesChart (中文)', () => {
  beforeAll(() => initCritiqueI18n('zh-CN'));

  it('speaks Chinese', () => {
    renderChart();
    expect(screen.getByRole('heading', { name: '讲者的进步' })).toBeTruthy();
    expect(screen.getByRole('img', { name: '总体：3 篇演讲，从 2.5 到 4 分' })).toBeTruthy();
    expect(screen.getByText('3 篇已评分演讲各自的平均分，从早到晚。')).toBeTruthy();
  });
});
