// The group folder's sync status, always in view: when this computer's copy was last read (all the app
// knows: the sync tool may be paused), waiting to be written, folder away or read-only (and what
// happens next), files set aside with their reason in plain words, conflict copies a sync tool left,
// and (when the member turned it on) what Syncthing itself says of the folder.
import { Alert, Badge, Button, Group, List, Popover, Stack, Text } from '@mantine/core';
import { IconCloudCheck, IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { GroupStatus } from '../../shared/api/groupContract';
import { syncNow } from './groupStore';
import { describeSetAsideReason } from './setAsideReason';
import { SyncAnomalies } from './SyncAnomalies';
import { SyncToolLine } from './SyncToolLine';

export function SyncStatus({ status }: { status: GroupStatus }) {
  const { t, i18n } = useTranslation();
  const ok = status.folderState === 'ok';
  // A file in this computer's own directory is listed once, as not published, not also as set aside.
  const ownProblems = new Set(status.notPublished.map((f) => f.path));
  const quarantined = status.quarantined.filter((f) => !ownProblems.has(f.path));
  const label = ok ? t('group.sync.ok') : t(`group.sync.${status.folderState}`);
  return (
    <Popover width={420} position="bottom-end" withArrow>
      <Popover.Target>
        <Badge
          component="button"
          size="lg"
          variant="outline"
          color={
            ok
              ? status.quarantined.length + status.notPublished.length + status.anomalies.length > 0
                ? 'light-dark(#8a5300, #fcc419)' // amber with AA contrast on white and on dark gray
                : 'teal.9'
              : 'red.9'
          }
          leftSection={ok ? <IconCloudCheck size={14} /> : <IconCloudOff size={14} />}
          style={{ cursor: 'pointer' }}
          data-testid="sync-status"
        >
          {label}
          {status.waiting > 0 ? ` · ${t('group.sync.waiting', { count: status.waiting })}` : ''}
        </Badge>
      </Popover.Target>
      <Popover.Dropdown>
        <Stack gap="xs">
          <Text size="sm">
            {status.lastSyncedAt
              ? t('group.sync.lastSynced', {
                  time: new Date(status.lastSyncedAt).toLocaleString(i18n.language),
                })
              : t('group.sync.never')}
          </Text>
          <Text size="sm" c="dimmed" style={{ wordBreak: 'break-all' }}>
            {status.folder}
          </Text>
          {ok ? (
            <Text size="sm" c="dimmed">
              {t('group.sync.localOnly')}
            </Text>
          ) : null}
          {!ok ? <Alert color="red">{t(`group.sync.${status.folderState}Help`)}</Alert> : null}
          <SyncToolLine groupId={status.groupId} />
          {status.arriving > 0 ? (
            <Text size="sm">{t('group.sync.arriving', { count: status.arriving })}</Text>
          ) : null}
          <FileReasons
            title={t('group.sync.quarantined', { count: quarantined.length })}
            files={quarantined}
          />
          <FileReasons
            title={t('group.sync.notPublished', { count: status.notPublished.length })}
            files={status.notPublished}
          />
          <SyncAnomalies anomalies={status.anomalies} />
          <Group justify="flex-end">
            <Button
              size="xs"
              variant="light"
              leftSection={<IconRefresh size={14} />}
              onClick={() => void syncNow(status.groupId)}
            >
              {t('group.sync.now')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

/** Files with why they were set aside, in plain words; nothing when there are none. */
function FileReasons({ title, files }: { title: string; files: GroupStatus['quarantined'] }) {
  const { t } = useTranslation();
  if (files.length === 0) return null;
  return (
    <>
      <Text size="sm" fw={600}>
        {title}
      </Text>
      <List size="sm" spacing={4}>
        {files.map((file) => (
          <List.Item key={file.path}>
            <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
              {file.path}
            </Text>
            <Text size="xs" c="dimmed" title={file.reason}>
              {describeSetAsideReason(t, file.reason)}
            </Text>
          </List.Item>
        ))}
      </List>
    </>
  );
}
