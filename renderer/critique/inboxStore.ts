// The critique inbox of every joined group: new critiques on my speeches and replies to my comments,
// with unread counts for the navigation badge and the feed. Kept live from group.changed for as long
// as the app frame is up; what arrives after the first load raises a desktop notification.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CritiqueInbox } from '../../shared/critique/critiqueInbox';
import { api } from '../api/api';
import { notifyNewCritiques } from './critiqueNotifications';

interface InboxState {
  byGroup: Record<string, CritiqueInbox>;
}

export const useInboxStore = create<InboxState>(() => ({ byGroup: {} }));

export async function reloadInbox(groupId: string): Promise<void> {
  try {
    const inbox = await api.call('critique.inbox', { groupId });
    const before = useInboxStore.getState().byGroup[groupId];
    useInboxStore.setState((s) => ({ byGroup: { ...s.byGroup, [groupId]: inbox } }));
    if (before) notifyNewCritiques(before, inbox);
  } catch {
    // Not a member yet (or the group is away): no inbox, nothing to announce.
  }
}

/** Called when a recording's critiques were on screen. */
export async function markRecordingRead(groupId: string, recordingId: string): Promise<void> {
  const inbox = useInboxStore.getState().byGroup[groupId];
  if (inbox && !inbox.unreadByRecording[recordingId]) return;
  await api.call('critique.markRead', { groupId, recordingId });
  await reloadInbox(groupId);
}

export async function markAllRead(groupId: string): Promise<void> {
  const inbox = useInboxStore.getState().byGroup[groupId];
  for (const recordingId of Object.keys(inbox?.unreadByRecording ?? {}))
    await api.call('critique.markRead', { groupId, recordingId });
  await reloadInbox(groupId);
}

/** Keeps every group's inbox live; returns the unread total across groups. Mount once, in the frame. */
export function useLiveCritiqueInbox(): number {
  useEffect(() => {
    let disposed = false;
    void api.call('group.list', {}).then(
      (groups) => {
        if (!disposed) for (const g of groups) void reloadInbox(g.groupId);
      },
      () => undefined,
    );
    const off = api.on('group.changed', ({ groupId }) => void reloadInbox(groupId));
    return () => {
      disposed = true;
      off();
    };
  }, []);
  return useInboxStore((s) => Object.values(s.byGroup).reduce((n, inbox) => n + inbox.unread, 0));
}

/** One group's inbox, if loaded. */
export function useGroupInbox(groupId: string): CritiqueInbox | undefined {
  return useInboxStore((s) => s.byGroup[groupId]);
}
