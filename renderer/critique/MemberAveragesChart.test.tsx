// The speaker's trend as members meet it, in both languages: a chart per criterion (overall first),
// a point per scored speech with the open one standing out, and a sentence for screen readers.
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import type { AveragesPoint } from '../../shared/critique/memberAverages';
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

  it('draws the overall average first, then each criterion scored, a point per scored speech', () => {
    renderChart();
    expect(screen.getByRole('heading', { name: "The speaker's trend" })).toBeTruthy();
    expect(series().map((s) => s.dataset.criterion)).toEqual(['overall', 'clarity', 'pacing']);
    const [overall, clarity, pacing] = series();
    expect(overall!.querySelectorAll('circle')).toHaveLength(3);
    expect(clarity!.querySelector('polyline')!.getAttribute('points')!.split(' ')).toHaveLength(3);
    // Pacing was scored once: a single point, no line.
    expect(pacing!.querySelectorAll('circle')).toHaveLength(1);
    expect(pacing!.querySelector('polyline')).toBeNull();
  });

  it('reads each chart as a sentence and names each point', () => {
    renderChart();
    expect(screen.getByRole('img', { name: 'Overall: from 2.5 to 4 over 3 speeches' })).toBeTruthy();
    expect(screen.getByRole('img', { name: 'Pacing: 4 on 1 speech' })).toBeTruthy();
    const titles = [...series()[1]!.querySelectorAll('title')].map((t) => t.textContent);
    expect(titles).toEqual(['破冰演讲: 2.5', 'Week 2: 5', 'Week 3: 4']);
  });

  it('marks the speech open in the player, and higher scores sit higher', () => {
    renderChart();
    const circles = [...series()[1]!.querySelectorAll('circle')];
    expect(circles.map((c) => c.getAttribute('data-current'))).toEqual([null, 'true', null]);
    const ys = circles.map((c) => Number(c.getAttribute('cy')));
    expect(ys[1]).toBeLessThan(ys[2]!);
    expect(ys[2]).toBeLessThan(ys[0]!);
  });

  it('says so when no speech of the member was scored', () => {
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
