// Which tab of the Group screen is showing, outside React, so another screen can open the group at
// the tab it means (Home's "see the assignment" opens 作业, not the feed).
import { create } from 'zustand';
import { navigate } from '../state/uiStore';

export const groupTabs = ['feed', 'assignments', 'standings', 'members', 'about'] as const;
export type GroupTab = (typeof groupTabs)[number];

export const useGroupTab = create<{ tab: GroupTab }>(() => ({ tab: 'feed' }));

export function chooseGroupTab(tab: GroupTab): void {
  useGroupTab.setState({ tab });
}

/** Shows the Group screen at `tab`. */
export function openGroupTab(tab: GroupTab): void {
  chooseGroupTab(tab);
  navigate('group');
}
