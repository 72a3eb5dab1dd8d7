// 成长 / Growth on Home: a small chart per metric across this member's speeches (duration against
// its target, the delivery metrics once measured, the Ah-Counters' fillers per minute and the peers'
// average score from the group), their personal bests, and the practice heatmap (the journal's,
// reused). Shown once there is a speech.
import { Badge, Group, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { IconTrophy } from '@tabler/icons-react';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import {
  averagesSeries,
  fillerRateSeries,
  metricSeries,
  OVERALL,
  personalBest,
  seriesSpan,
  withinTargetShare,
} from '../../shared/growth/growthSeries';
import type { GrowthSeries } from '../../shared/growth/growthSeries';
import { localDay } from '../../shared/journal/localDay';
import { useLiveGroups } from '../group/groupStore';
import { WritingHeatmap } from '../journal/WritingHeatmap';
import { useLiveSpeeches } from '../library/speechesStore';
import { formatClock } from '../shell/formatDuration';
import { navigate } from '../state/uiStore';
import { useGrowthSpeeches, useGroupTrends } from './growthStore';
import { TrendChart } from './TrendChart';

export function GrowthSection() {
  const { t, i18n } = useTranslation();
  const { speeches } = useLiveSpeeches();
  const { view } = useLiveGroups();
  const groupId = view?.me.status === 'member' ? view.info.groupId : undefined;
  const mine = useGroupTrends(groupId)?.find((trend) => trend.member === view?.me.keyId);
  const growth = useGrowthSpeeches(speeches);
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });

  const series = useMemo(() => {
    const all: GrowthSeries[] = metricSeries(growth);
    if (mine?.fillers.length) all.push(fillerRateSeries(mine.fillers));
    if (mine?.averages.length)
      all.push(averagesSeries(mine.averages, () => 0).find((s) => s.id === OVERALL)!);
    return all;
  }, [growth, mine]);
  const days = useMemo(() => speeches.map((s) => localDay(new Date(s.createdAt))), [speeches]);
  if (speeches.length === 0) return null;

  const name = (id: string) => t(`growth.series.${id}`);
  // Durations read as a clock (4:05), every other figure as a number.
  const formatOf = (id: string) =>
    id === 'durationMin' ? (min: number) => formatClock(min * 60_000) : number;
  const measured = growth.some((s) => s.metrics);
  const share = withinTargetShare(growth);
  const bests = series.flatMap((s) => {
    const best = personalBest(s);
    return best ? [{ id: s.id, best }] : [];
  });

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="growth-title">
      <Stack gap="sm">
        <Group justify="space-between" align="baseline">
          <Title order={2} size="h4" id="growth-title">
            {t('growth.title')}
          </Title>
          <Text size="xs" c="dimmed">
            {t('growth.hint')}
          </Text>
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="sm" verticalSpacing="xs">
          {series.map((s) => {
            const span = seriesSpan(s)!;
            return (
              <TrendChart
                key={s.id}
                series={s}
                label={name(s.id)}
                format={formatOf(s.id)}
                color={s.id === 'fillersPerMinute' ? 'grape.6' : undefined}
                domain={s.id === OVERALL ? [1, 5] : undefined}
                summary={t(span.count === 1 ? 'growth.chartLabelOne' : 'growth.chartLabel', {
                  name: name(s.id),
                  first: formatOf(s.id)(span.first),
                  last: formatOf(s.id)(span.last),
                  count: span.count,
                })}
              />
            );
          })}
        </SimpleGrid>
        {!measured && (
          <Text size="xs" c="dimmed">
            {t('growth.metricsPending')}
          </Text>
        )}
        {share !== null && (
          <Text size="sm">
            {t('growth.withinTarget', {
              percent: share.toLocaleString(i18n.language, { style: 'percent' }),
            })}
          </Text>
        )}
        {bests.length > 0 && (
          <Group gap={6} role="group" aria-label={t('growth.bests')}>
            <IconTrophy size={16} color="var(--mantine-color-yellow-8)" aria-hidden />
            <Text size="sm" fw={600}>
              {t('growth.bests')}
            </Text>
            {bests.map(({ id, best }) => (
              <Badge key={id} variant="light" color="indigo" tt="none" data-testid="personal-best">
                {t('growth.best', { name: name(id), value: formatOf(id)(best.value!), title: best.title })}
              </Badge>
            ))}
          </Group>
        )}
        <WritingHeatmap
          days={days}
          today={localDay(new Date())}
          texts="growth.practice"
          onDay={() => navigate('library')}
        />
      </Stack>
    </Paper>
  );
}
