// Conflict copies a sync tool left in the group folder, in the sync status: the first few with what
// each copies, how many more, what they mean and what to do. Nothing when there are none.
import { List, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { GroupStatus } from '../../shared/api/groupContract';

/** Enough to recognise the pattern; the full list is in `lectern-group verify`. */
const SHOWN = 3;

export function SyncAnomalies({ anomalies }: { anomalies: GroupStatus['anomalies'] }) {
  const { t } = useTranslation();
  if (anomalies.length === 0) return null;
  const more = anomalies.length - SHOWN;
  return (
    <div data-testid="sync-anomalies">
      <Text size="sm" fw={600}>
        {t('group.sync.anomalies', { count: anomalies.length })}
      </Text>
      <List size="sm" spacing={4}>
        {anomalies.slice(0, SHOWN).map((a) => (
          <List.Item key={a.path}>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {a.path}
            </Text>
            <Text size="xs" c="dimmed">
              {/* A copy sits beside its original: the original's name is enough. */}
              {t('group.sync.anomalyOf', { original: a.original.slice(a.original.lastIndexOf('/') + 1) })}
            </Text>
          </List.Item>
        ))}
      </List>
      {more > 0 ? <Text size="sm">{t('group.sync.anomaliesMore', { count: more })}</Text> : null}
      <Text size="sm" mt={4}>
        {t('group.sync.anomaliesHelp')}
      </Text>
    </div>
  );
}
