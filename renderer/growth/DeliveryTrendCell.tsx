// One delivery trend in the coach's table: the member's latest value (a rate with its unit, since a
// Chinese speech's reads in characters a minute), its change across their latest shared speeches, and
// a sparkline of those speeches (read out as where the window started and where it stands).
import { Sparkline } from '@mantine/charts';
import { Group, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DeliveryTrend, DeliveryUnit } from '../../shared/growth/deliveryTrends';

/** Whole numbers where a tenth means nothing (characters a minute, a percentage). */
const digits: Record<DeliveryUnit, number> = {
  charactersPerMinute: 0,
  percent: 0,
  syllablesPerSecond: 1,
  semitones: 1,
  lufs: 1,
};

export function DeliveryTrendCell({ trend }: { trend: DeliveryTrend | undefined }) {
  const { t, i18n } = useTranslation();
  if (!trend) return <Text size="sm">{t('growth.group.none')}</Text>;
  const format = (n: number, sign?: boolean) =>
    n.toLocaleString(i18n.language, {
      maximumFractionDigits: digits[trend.unit],
      ...(sign && { signDisplay: 'exceptZero' as const }),
    });
  const last = format(trend.last);
  const value =
    trend.unit === 'charactersPerMinute' || trend.unit === 'syllablesPerSecond'
      ? t(`growth.group.rate.${trend.unit}`, { value: last })
      : last;
  return (
    <Group gap={6} wrap="nowrap" data-testid="delivery-trend" data-unit={trend.unit}>
      {trend.values.length > 1 ? (
        <Sparkline
          role="img"
          aria-label={t('growth.group.change', {
            first: format(trend.values[0]!),
            last: last,
          })}
          w={48}
          h={20}
          data={trend.values}
          color="indigo.6"
          fillOpacity={0.25}
          strokeWidth={1.5}
          curveType="linear"
        />
      ) : null}
      <Text size="sm" ff="monospace" style={{ whiteSpace: 'nowrap' }}>
        {value}
        {trend.change !== null ? (
          <Text span size="xs" c="dimmed" ff="monospace">
            {' '}
            {t('growth.group.changeOver', { change: format(trend.change, true) })}
          </Text>
        ) : null}
      </Text>
    </Group>
  );
}
