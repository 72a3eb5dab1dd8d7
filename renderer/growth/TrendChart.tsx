// One growth series as a small line chart (@mantine/charts): a point per speech, oldest first, gaps
// joined, the open speech's point standing out, its title and value on hover; an optional band (the
// target duration). The chart reads out as one sentence; the figure beside the name is the latest.
import { LineChart } from '@mantine/charts';
import { Stack, Text } from '@mantine/core';
import type { GrowthSeries } from '../../shared/growth/growthSeries';

export interface TrendRow {
  id: string;
  title: string;
  value: number | null;
  current: boolean;
}

/** The chart's rows: one per speech, the open one (`currentId`) flagged. */
export function trendRows(series: GrowthSeries, currentId?: string): TrendRow[] {
  return series.points.map((p) => ({
    id: p.id,
    title: p.title,
    value: p.value,
    current: p.id === currentId,
  }));
}

const LINE = 'indigo.7';
const CURRENT = 'var(--mantine-color-orange-6)';

export function TrendChart({
  series,
  label,
  summary,
  format,
  currentId,
  domain,
  color = LINE,
  strong,
}: {
  series: GrowthSeries;
  label: string;
  /** The sentence a screen reader hears for the chart. */
  summary: string;
  format(n: number): string;
  currentId?: string;
  domain?: [number, number];
  color?: string;
  /** Names the series in bold (the overall one). */
  strong?: boolean;
}) {
  const rows = trendRows(series, currentId);
  const last = rows.findLast((r) => r.value !== null);
  return (
    <Stack gap={0} data-testid="trend-series" data-series={series.id}>
      <Text size="xs" fw={strong ? 600 : undefined}>
        {label}{' '}
        {last && (
          <Text span size="xs" c="dimmed" ff="monospace">
            {format(last.value!)}
          </Text>
        )}
      </Text>
      <div role="img" aria-label={summary}>
        <LineChart
          h={64}
          data={rows}
          dataKey="title"
          series={[{ name: 'value', label, color }]}
          connectNulls
          withXAxis={false}
          withYAxis={false}
          gridAxis="x"
          strokeDasharray="2 3"
          curveType="linear"
          valueFormatter={format}
          yAxisProps={{ domain: domain ?? ['auto', 'auto'] }}
          referenceLines={
            series.band
              ? [
                  { y: series.band.low, color: 'teal.6' },
                  { y: series.band.high, color: 'teal.6' },
                ]
              : undefined
          }
          lineProps={{
            dot: (props: { cx?: number; cy?: number; index?: number; payload?: TrendRow }) => {
              const { cx, cy, payload, index } = props;
              if (cx === undefined || cy === undefined || payload?.value === null) return <g key={index} />;
              return (
                <circle
                  key={index}
                  cx={cx}
                  cy={cy}
                  r={payload?.current ? 4 : 2.5}
                  fill={payload?.current ? CURRENT : `var(--mantine-color-${color.replace('.', '-')})`}
                  data-current={payload?.current || undefined}
                />
              );
            },
          }}
        />
      </div>
    </Stack>
  );
}
