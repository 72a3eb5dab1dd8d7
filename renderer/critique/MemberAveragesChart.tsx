// A member's growth as their peers scored it: per criterion, a small line chart of the average 1–5
// score on each speech they shared (oldest first, one point a speech), plus the overall average.
// Plain SVG; each point names its speech and value on hover, and each chart reads out as one sentence.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { criteriaOrder } from '../../shared/critique/criteria';
import type { AveragesPoint } from '../../shared/critique/memberAverages';
import { useCriterionLabel } from './useCriterionLabel';

const WIDTH = 200;
const HEIGHT = 56;
const PAD = 6;
/** The overall average's series, drawn first. */
export const OVERALL = 'overall';

export interface MemberAveragesChartProps {
  /** As memberAverages() gives them: one per scored speech, oldest first. */
  points: readonly AveragesPoint[];
  /** The speech open in the player: its point stands out. */
  currentRecordingId?: string;
  /** The open speech's criteria: their series come first, in their order. */
  criteria?: readonly string[];
  title?: string;
}

interface Series {
  id: string;
  /** The value on each speech, null where this criterion was not scored. */
  values: (number | null)[];
}

export function seriesOf(points: readonly AveragesPoint[], first?: readonly string[]): Series[] {
  const criteria = [...new Set(points.flatMap((p) => Object.keys(p.averages)))].sort(criteriaOrder(first));
  return [
    { id: OVERALL, values: points.map((p) => p.overall) },
    ...criteria.map((id) => ({ id, values: points.map((p) => p.averages[id] ?? null) })),
  ];
}

const x = (index: number, count: number) =>
  count <= 1 ? WIDTH / 2 : PAD + (index * (WIDTH - 2 * PAD)) / (count - 1);
const y = (score: number) => PAD + ((5 - score) * (HEIGHT - 2 * PAD)) / 4;

export function MemberAveragesChart({
  points,
  currentRecordingId,
  criteria,
  title,
}: MemberAveragesChartProps) {
  const { t, i18n } = useTranslation();
  const criterionLabel = useCriterionLabel();
  const titleId = useId();
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const label = (id: string) => (id === OVERALL ? t('critique.trend.overall') : criterionLabel(id));

  return (
    <Paper withBorder p="sm" radius="md" component="section" aria-labelledby={titleId}>
      <Stack gap={6}>
        <Title order={3} size="h5" id={titleId}>
          {title ?? t('critique.trend.title')}
        </Title>
        {points.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('critique.trend.none')}
          </Text>
        ) : (
          <>
            <Text size="xs" c="dimmed">
              {t('critique.trend.hint', { count: points.length })}
            </Text>
            <SimpleGrid cols={{ base: 1, xs: 2, md: 1 }} spacing={6} verticalSpacing={6}>
              {seriesOf(points, criteria).map((series) => {
                const scored = series.values.flatMap((v, i) => (v === null ? [] : [{ v, i }]));
                const first = scored[0]!;
                const last = scored.at(-1)!;
                const summary = t('critique.trend.chartLabel', {
                  criterion: label(series.id),
                  first: number(first.v),
                  last: number(last.v),
                  count: scored.length,
                });
                return (
                  <Stack key={series.id} gap={0} data-testid="trend-series" data-criterion={series.id}>
                    <Text size="xs" fw={series.id === OVERALL ? 600 : undefined}>
                      {label(series.id)}{' '}
                      <Text span size="xs" c="dimmed" ff="monospace">
                        {number(last.v)}
                      </Text>
                    </Text>
                    <svg
                      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
                      width={WIDTH}
                      height={HEIGHT}
                      style={{ maxWidth: '100%', height: 'auto' }}
                      role="img"
                      aria-label={summary}
                    >
                      {[1, 3, 5].map((score) => (
                        <line
                          key={score}
                          x1={0}
                          x2={WIDTH}
                          y1={y(score)}
                          y2={y(score)}
                          stroke="var(--mantine-color-default-border)"
                          strokeDasharray={score === 3 ? undefined : '2 3'}
                          vectorEffect="non-scaling-stroke"
                        />
                      ))}
                      {scored.length > 1 && (
                        <polyline
                          fill="none"
                          stroke="var(--mantine-color-indigo-7)"
                          strokeWidth={2}
                          vectorEffect="non-scaling-stroke"
                          points={scored.map(({ v, i }) => `${x(i, points.length)},${y(v)}`).join(' ')}
                        />
                      )}
                      {scored.map(({ v, i }) => {
                        const point = points[i]!;
                        const current = point.recordingId === currentRecordingId;
                        return (
                          <circle
                            key={point.recordingId}
                            cx={x(i, points.length)}
                            cy={y(v)}
                            r={current ? 4 : 2.5}
                            fill={current ? 'var(--mantine-color-orange-6)' : 'var(--mantine-color-indigo-7)'}
                            data-current={current || undefined}
                          >
                            <title>
                              {t('critique.trend.point', { title: point.title, average: number(v) })}
                            </title>
                          </circle>
                        );
                      })}
                    </svg>
                  </Stack>
                );
              })}
            </SimpleGrid>
          </>
        )}
      </Stack>
    </Paper>
  );
}
