// The coach's view of the group's growth, in the Standings tab: per member, the speeches they share,
// where the peers' average score and the Ah-Counters' fillers per minute started and stand now, and
// their delivery (rate, speaking share, pitch range, loudness) over their latest shared speeches.
// A coach who shares no speeches has no row.
import { Loader, Paper, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { deliveryTrendIds, recentSpeechCount } from '../../shared/growth/deliveryTrends';
import { groupTrendRows } from '../../shared/growth/groupTrends';
import type { GroupTrendRow } from '../../shared/growth/groupTrends';
import { useLiveGroups } from '../group/groupStore';
import { DeliveryTrendCell } from './DeliveryTrendCell';
import { useGroupTrends, useSharedMetrics } from './growthStore';

export function GroupTrends({ groupId }: { groupId: string }) {
  const { t, i18n } = useTranslation();
  const members = useLiveGroups().view?.members ?? [];
  const byKey = new Map(members.map((m) => [m.keyId, m]));
  const all = useGroupTrends(groupId);
  const shared = useSharedMetrics(groupId, all);
  const trends = all?.filter(
    (trend) => byKey.get(trend.member)?.role !== 'coach' || trend.speeches.length > 0,
  );
  const number = (n: number) => n.toLocaleString(i18n.language, { maximumFractionDigits: 1 });
  const change = (span: GroupTrendRow['average']) =>
    span
      ? span.count > 1
        ? t('growth.group.change', { first: number(span.first), last: number(span.last) })
        : number(span.last)
      : t('growth.group.none');
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby="group-trends-title">
      <Title order={2} size="h4" id="group-trends-title">
        {t('growth.group.title')}
      </Title>
      <Text size="xs" c="dimmed">
        {t('growth.group.hint')}
      </Text>
      <Text size="xs" c="dimmed" mb="sm">
        {t('growth.group.deliveryHint', { count: recentSpeechCount })}
      </Text>
      {!trends ? (
        <Loader size="sm" aria-label={t('common.loading')} />
      ) : (
        <Table.ScrollContainer minWidth={860} type="native">
          <Table striped aria-labelledby="group-trends-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('growth.group.member')}</Table.Th>
                <Table.Th>{t('growth.group.speeches')}</Table.Th>
                <Table.Th>{t('growth.group.average')}</Table.Th>
                <Table.Th>{t('growth.group.fillers')}</Table.Th>
                {deliveryTrendIds.map((id) => (
                  <Table.Th key={id}>{t(`growth.group.delivery.${id}`)}</Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {groupTrendRows(trends, (recording) => shared[recording]).map((row) => (
                <Table.Tr key={row.member} data-testid="group-trend-row">
                  <Table.Td>{byKey.get(row.member)?.displayName ?? row.member.slice(0, 8)}</Table.Td>
                  <Table.Td>{row.speeches}</Table.Td>
                  <Table.Td ff="monospace">{change(row.average)}</Table.Td>
                  <Table.Td ff="monospace">{change(row.fillers)}</Table.Td>
                  {deliveryTrendIds.map((id) => (
                    <Table.Td key={id} data-trend={id}>
                      <DeliveryTrendCell trend={row.delivery[id]} />
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
