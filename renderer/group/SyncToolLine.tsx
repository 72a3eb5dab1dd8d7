// One line in the sync status popover: how the local Syncthing itself sees the group folder (paused,
// syncing, not shared, not answering). Asked when the popover opens, never on every sync; nothing is
// shown while the Syncthing setting is off.
import { Text } from '@mantine/core';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { SyncToolState, SyncToolStatus } from '../../shared/api/syncToolContract';
import { api } from '../api/api';
import { formatSize } from '../shell/formatSize';

const troubled: ReadonlySet<SyncToolState> = new Set(['error', 'unreachable', 'unauthorized']);

export function SyncToolLine({ groupId }: { groupId: string }) {
  const { t, i18n } = useTranslation();
  // Nothing until Syncthing answers (at most 2 s): while the setting is off, nothing at all.
  const [status, setStatus] = useState<SyncToolStatus | null>(null);

  useEffect(() => {
    let live = true;
    // A failure to ask is already a state; anything else (a group not joined here) shows nothing.
    api.call('syncTool.status', { groupId }).then(
      (value) => live && setStatus(value),
      () => live && setStatus(null),
    );
    return () => {
      live = false;
    };
  }, [groupId]);

  if (status === null) return null;
  const { state, connectedDevices, totalDevices, needBytes } = status;
  const said = t(`syncthing.state.${state}`, { size: formatSize(needBytes, i18n.language) });
  const devices =
    state === 'up-to-date' || state === 'syncing'
      ? totalDevices === 0
        ? t('syncthing.noDevices')
        : t('syncthing.devices', { connected: connectedDevices, count: totalDevices })
      : null;
  return (
    <Text
      size="sm"
      c={
        troubled.has(state) ? 'light-dark(var(--mantine-color-red-9), var(--mantine-color-red-4))' : undefined
      }
      data-testid="sync-tool-status"
    >
      {devices ? `${said} · ${devices}` : said}
    </Text>
  );
}
