// Shares one of the member's speeches with a group: its audio and peaks go into the group folder, or,
// while the folder cannot be reached, wait on this computer (and the toast says so).
import i18next from 'i18next';
import { api } from '../api/api';
import { metricsJob } from '../metrics/metricsStore';
import { reportError } from '../shell/reportError';
import { reloadView } from './groupStore';
import { notify } from '../shell/notify';

export async function shareSpeech(
  groupId: string,
  speechId: string,
  groups: readonly { groupId: string; name: string }[],
) {
  try {
    // Metrics still being computed (a speech just recorded) are worth the wait: they travel with it.
    await metricsJob(speechId);
    await api.call('group.shareSpeech', { groupId, speechId });
    await announceShared(groupId, groups.find((group) => group.groupId === groupId)?.name ?? '');
    await reloadView(groupId);
  } catch (error) {
    reportError(error);
  }
}

/**
 * Says a write to a group went through: `done` (by default "shared with the group"), or saved here
 * and shared once the group's folder is back (the status is the one the write just left, so this
 * costs no sync).
 */
export async function announceShared(
  groupId: string,
  name: string,
  done = i18next.t('group.shared', { name }),
): Promise<void> {
  const status = await api.call('group.status', { groupId }).catch(() => undefined);
  if (status && status.folderState !== 'ok')
    notify({
      color: 'orange',
      title: i18next.t('group.sharedWaitingTitle'),
      message: i18next.t('group.sharedWaiting', { name }),
      autoClose: 10_000,
    });
  else notify({ color: 'teal', message: done });
}
