// A member's own history as a small SVG chart: points after each week (a line), each week's
// outcome as a dot. Plain SVG: one line and some dots do not need a chart library.
import { useMantineTheme } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PeriodResult } from '../../../shared/rules/standings';

const W = 560;
const H = 160;
const PAD = 28;
const dot: Record<string, string> = {
  'on-time': 'teal',
  late: 'orange',
  missed: 'red',
  excused: 'blue',
  pardoned: 'indigo',
};

export function HistoryChart({ history }: { history: PeriodResult[] }) {
  const { t } = useTranslation();
  const theme = useMantineTheme();
  const decided = history.filter((h) => h.outcome !== 'open');
  if (decided.length === 0) return null;
  const points = decided.reduce<number[]>((sums, h) => [...sums, (sums.at(-1) ?? 0) + h.points], []);
  const total = points.at(-1) ?? 0;
  const lo = Math.min(0, ...points);
  const hi = Math.max(1, ...points);
  const x = (i: number) =>
    PAD + (decided.length === 1 ? (W - 2 * PAD) / 2 : (i * (W - 2 * PAD)) / (decided.length - 1));
  const y = (v: number) => H - PAD - ((v - lo) * (H - 2 * PAD)) / (hi - lo);
  const summary = t('assignments.chart.summary', { weeks: decided.length, points: total });
  return (
    <svg viewBox={`0 0 ${W} ${H}`} width="100%" role="img" aria-label={summary} data-testid="history-chart">
      <title>{summary}</title>
      <line x1={PAD} x2={W - PAD} y1={y(0)} y2={y(0)} stroke={theme.colors.gray[5]} strokeDasharray="4 4" />
      <text x={4} y={y(hi) + 4} fontSize={11} fill={theme.colors.gray[8]}>
        {hi}
      </text>
      <text x={4} y={y(lo) + 4} fontSize={11} fill={theme.colors.gray[8]}>
        {lo}
      </text>
      <polyline
        fill="none"
        stroke={theme.colors.indigo[7]}
        strokeWidth={2}
        points={points.map((v, i) => `${x(i)},${y(v)}`).join(' ')}
      />
      {decided.map((h, i) => (
        <circle
          key={h.key}
          cx={x(i)}
          cy={y(points[i]!)}
          r={5}
          fill={theme.colors[dot[h.outcome] ?? 'gray']![8]}
        >
          <title>{`${h.title} ${h.submitBy.slice(0, 10)}: ${t(`assignments.outcome.${h.outcome}`)} (${h.points})`}</title>
        </circle>
      ))}
    </svg>
  );
}
