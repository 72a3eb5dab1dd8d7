// Shares one of the member's speeches with a group: its media and peaks go into the group folder, or,
// while the folder cannot be reached, wait on this computer (and the toast says so). An audio speech
// is shared in one click; a video first asks whether to share its picture or only its audio
// (ShareChoiceDialog reads the choice from here).
import i18next from 'i18next';
import { create } from 'zustand';
import { LecternError } from '../../shared/api/errors';
import { isVideo, type Speech } from '../../shared/domain/speech';
import { api } from '../api/api';
import { metricsJob } from '../metrics/metricsStore';
import { formatSize } from '../shell/formatSize';
import { reportError } from '../shell/reportError';
import { reloadView } from './groupStore';
import { notify } from '../shell/notify';

/** A video speech waiting for the member to choose how to share it. */
export interface ShareChoice {
  groupId: string;
  groupName: string;
  speech: Speech;
}

export const useShareChoice = create<{ choice: ShareChoice | null }>(() => ({ choice: null }));

export const closeShareChoice = () => useShareChoice.setState({ choice: null });

/** The library's share action. */
export async function shareSpeech(
  groupId: string,
  speech: Speech,
  groups: readonly { groupId: string; name: string }[],
) {
  const groupName = groups.find((group) => group.groupId === groupId)?.name ?? '';
  if (isVideo(speech.mimeType)) {
    useShareChoice.setState({ choice: { groupId, groupName, speech } });
    return;
  }
  try {
    await sendShare(groupId, groupName, speech.id);
  } catch (error) {
    const message = shareRefusal(error);
    if (message) notify({ color: 'red', title: i18next.t('errors.title'), message, autoClose: 12_000 });
    else reportError(error);
  }
}

/** Shares it (a video with its picture, or with `picture: false` only its audio); throws what went wrong. */
export async function sendShare(groupId: string, groupName: string, speechId: string, picture?: boolean) {
  // Metrics still being computed (a speech just recorded) are worth the wait: they travel with it.
  await metricsJob(speechId);
  await api.call('group.shareSpeech', { groupId, speechId, ...(picture === undefined ? {} : { picture }) });
  await announceShared(groupId, groupName);
  await reloadView(groupId);
}

/** The group's cap refused it: the message naming the cap and the file's size, in the member's words. */
export function shareRefusal(error: unknown): string | undefined {
  if (!(error instanceof LecternError) || !/^errors\.shareTooLarge(Video)?$/.test(error.messageKey))
    return undefined;
  const { maxBytes, byteSize } = (error.details ?? {}) as { maxBytes?: number; byteSize?: number };
  return tooLarge(error.messageKey, maxBytes ?? 0, byteSize ?? 0);
}

/** errors.shareTooLarge(Video), with the sizes written the member's way. */
export function tooLarge(messageKey: string, maxBytes: number, byteSize: number): string {
  const language = i18next.language;
  return i18next.t(messageKey, {
    limit: formatSize(maxBytes, language),
    size: formatSize(byteSize, language),
  });
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
