// Shares one of the member's speeches with a group: its audio and peaks go into the group folder.
import i18next from 'i18next';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';
import { reloadView } from './groupStore';
import { notify } from '../shell/notify';

export async function shareSpeech(
  groupId: string,
  speechId: string,
  groups: readonly { groupId: string; name: string }[],
) {
  try {
    await api.call('group.shareSpeech', { groupId, speechId });
    const name = groups.find((group) => group.groupId === groupId)?.name ?? '';
    notify({ color: 'teal', message: i18next.t('group.shared', { name }) });
    await reloadView(groupId);
  } catch (error) {
    reportError(error);
  }
}
