// Which per-member action (pardon a miss, pause, revive) is open in the standings, and for whom:
// one dialog at a time, opened from a row's menu and shown by the standings panel.
import { create } from 'zustand';
import type { Standing } from '../../../shared/rules/standings';

export type MemberAction = 'pardon' | 'pause' | 'revive';

interface MemberActionState {
  action: MemberAction | undefined;
  member: string | undefined;
}

export const useMemberAction = create<MemberActionState>(() => ({ action: undefined, member: undefined }));

export const openMemberAction = (action: MemberAction, member: string) =>
  useMemberAction.setState({ action, member });

export const closeMemberAction = () => useMemberAction.setState({ action: undefined, member: undefined });

/** The missed occurrences a coach may still pardon, oldest first. */
export const pardonable = (s: Standing) => s.history.filter((h) => h.outcome === 'missed');
