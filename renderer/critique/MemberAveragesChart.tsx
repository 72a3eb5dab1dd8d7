// A member's growth as their peers scored and counted it: per criterion, a small line chart of the
// average 1–5 score on each speech they shared (oldest first, one point a speech), the overall
// average first, and the Ah-Counters' fillers per minute. Drawn with @mantine/charts (TrendChart);
// each chart reads out as one sentence.
import { Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { criteriaOrder } from '../../shared/critique/criteria';
import type { FillerRatePoint } from '../../shared/critique/fillerCounts';
import type { AveragesPoint } from '../../shared/critique/memberAverages';
import { averagesSeries, fillerRateSeries, OVERALL, seriesSpan } from '../../shared/growth/growthSeries';
import { TrendChart } from '../growth/TrendChart';
import { useCriterionLabel } from './useCriterionLabel';

export interface MemberAveragesChartProps {
  /** As memberAverages() gives them: one per scored speech, oldest first. */
  points: readonly AveragesPoint[];
  /** As memberFillerRates() gives them: one per marked speech. */
  fillers?: readonly FillerRatePoint[];
  /** The speech open in the player: its point stands out. */
  currentRecordingId?: string;
  /** The open speech's criteria: their series come first, in their order. */
  criteria?: readonly string[];
  title?: string;
}

export function MemberAveragesChart({
  points,
  fillers = [],
  currentRecordingId,
  criteria,
  title,
}: MemberAveragesChartProps) {
  const { t, i18n } = useTranslation();
  const criterionLabel = useCriterionLabel();
  const titleId = useId();
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const label = (id: string) => (id === OVERALL ? t('critique.trend.overall') : criterionLabel(id));
  const fillerSeries = fillerRateSeries(fillers);
  const fillerSpan = seriesSpan(fillerSeries);

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
          <Text size="xs" c="dimmed">
            {t('critique.trend.hint', { count: points.length })}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, xs: 2, md: 1 }} spacing={6} verticalSpacing={6}>
          {averagesSeries(points, criteriaOrder(criteria)).map((series) => {
            const span = seriesSpan(series);
            if (!span) return null;
            return (
              <TrendChart
                key={series.id}
                series={series}
                label={label(series.id)}
                strong={series.id === OVERALL}
                format={number}
                currentId={currentRecordingId}
                domain={[1, 5]}
                summary={t('critique.trend.chartLabel', {
                  criterion: label(series.id),
                  first: number(span.first),
                  last: number(span.last),
                  count: span.count,
                })}
              />
            );
          })}
          {fillerSpan && (
            <TrendChart
              series={fillerSeries}
              label={t('critique.ahCounter.trendTitle')}
              format={number}
              currentId={currentRecordingId}
              color="grape.6"
              summary={t(`critique.ahCounter.${fillerSpan.count === 1 ? 'trendLabelOne' : 'trendLabel'}`, {
                first: number(fillerSpan.first),
                last: number(fillerSpan.last),
                count: fillerSpan.count,
              })}
            />
          )}
        </SimpleGrid>
      </Stack>
    </Paper>
  );
}
