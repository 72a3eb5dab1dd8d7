// The groups this member belongs to and the one on screen: its view (roster, feed) and sync status,
// kept fresh from main's group.changed / group.status events.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { GroupStatus, GroupView } from '../../shared/api/groupContract';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';

export interface JoinedGroup {
  groupId: string;
  name: string;
  folder: string;
}

interface GroupState {
  groups: JoinedGroup[];
  loaded: boolean;
  activeGroupId: string | undefined;
  view: GroupView | undefined;
  status: GroupStatus | undefined;
}

const activeKey = 'lectern.group.active';

export const useGroupStore = create<GroupState>(() => ({
  groups: [],
  loaded: false,
  activeGroupId: localStorage.getItem(activeKey) ?? undefined,
  view: undefined,
  status: undefined,
}));

export async function reloadGroups(): Promise<void> {
  try {
    const groups = await api.call('group.list', {});
    const { activeGroupId } = useGroupStore.getState();
    const active = groups.some((g) => g.groupId === activeGroupId) ? activeGroupId : groups[0]?.groupId;
    useGroupStore.setState({ groups, loaded: true, activeGroupId: active });
    if (active) await reloadView(active);
  } catch (error) {
    reportError(error);
  }
}

export async function reloadView(groupId: string): Promise<void> {
  try {
    const [view, status] = await Promise.all([
      api.call('group.view', { groupId }),
      api.call('group.status', { groupId }),
    ]);
    if (useGroupStore.getState().activeGroupId === groupId) useGroupStore.setState({ view, status });
  } catch (error) {
    reportError(error);
  }
}

export function selectGroup(groupId: string): void {
  localStorage.setItem(activeKey, groupId);
  useGroupStore.setState({ activeGroupId: groupId, view: undefined, status: undefined });
  void reloadView(groupId);
}

let subscribers = 0;
let unsubscribe: (() => void) | undefined;

/** Keeps groups, the active view and the status live while a screen that shows them is mounted. */
export function useLiveGroups(): GroupState {
  useEffect(() => {
    if (subscribers++ === 0) {
      const offChanged = api.on('group.changed', ({ groupId }) => {
        if (groupId === useGroupStore.getState().activeGroupId) void reloadView(groupId);
      });
      const offStatus = api.on('group.status', (status) => {
        if (status.groupId === useGroupStore.getState().activeGroupId) useGroupStore.setState({ status });
      });
      unsubscribe = () => {
        offChanged();
        offStatus();
      };
    }
    void reloadGroups();
    return () => {
      if (--subscribers === 0) unsubscribe?.();
    };
  }, []);
  return useGroupStore();
}

export async function afterJoining(group: JoinedGroup): Promise<void> {
  localStorage.setItem(activeKey, group.groupId);
  useGroupStore.setState({ activeGroupId: group.groupId });
  await reloadGroups();
}

export async function decide(
  groupId: string,
  member: string,
  decision: 'approve' | 'decline' | 'promote' | 'remove',
) {
  await api.call('group.decide', { groupId, member, decision }).catch(reportError);
  await reloadView(groupId);
}

export async function syncNow(groupId: string): Promise<void> {
  try {
    useGroupStore.setState({ status: await api.call('group.syncNow', { groupId }) });
    await reloadView(groupId);
  } catch (error) {
    reportError(error);
  }
}

export async function withdraw(groupId: string, id: string): Promise<void> {
  await api.call('group.withdraw', { groupId, id }).catch(reportError);
  await reloadView(groupId);
}
