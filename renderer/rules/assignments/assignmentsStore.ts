// The rules overview of the group on screen (assignments, check-ins, duty, standings, the coach's
// week), kept fresh from main's group.changed events, and the actions that write rules events.
import i18next from 'i18next';
import { useEffect } from 'react';
import { create } from 'zustand';
import type { MethodInput } from '../../../shared/api/contractTypes';
import type { Contract } from '../../../shared/api/contract';
import type { RulesOverview } from '../../../shared/api/rulesOverview';
import { api } from '../../api/api';
import { useGroupStore } from '../../group/groupStore';
import { announceShared } from '../../group/shareSpeech';
import { reportError } from '../../shell/reportError';

interface AssignmentsState {
  groupId: string | undefined;
  overview: RulesOverview | undefined;
  /** The host's clock minus this page's, so countdowns agree with how main judges deadlines. */
  skew: number;
  week: string | undefined;
}

export const useAssignmentsStore = create<AssignmentsState>(() => ({
  groupId: undefined,
  overview: undefined,
  skew: 0,
  week: undefined,
}));

/** Now, as the host that judges deadlines reads it. */
export const hostNow = () => Date.now() + useAssignmentsStore.getState().skew;

export async function reloadOverview(groupId: string): Promise<void> {
  try {
    const { week } = useAssignmentsStore.getState();
    const asked = Date.now();
    const overview = await api.call('rules.overview', { groupId, ...(week ? { week } : {}) });
    useAssignmentsStore.setState({ groupId, overview, skew: overview.asOf - asked });
  } catch (error) {
    reportError(error);
  }
}

export function chooseWeek(groupId: string, week: string): void {
  useAssignmentsStore.setState({ week });
  void reloadOverview(groupId);
}

let subscribers = 0;
let unsubscribe: (() => void) | undefined;

/** The overview of `groupId`, reloaded whenever the group changes, while a screen shows it. */
export function useOverview(groupId: string | undefined): RulesOverview | undefined {
  useEffect(() => {
    if (!groupId) return;
    if (subscribers++ === 0)
      unsubscribe = api.on('group.changed', (changed) => {
        if (changed.groupId === useAssignmentsStore.getState().groupId) void reloadOverview(changed.groupId);
      });
    if (useAssignmentsStore.getState().groupId !== groupId)
      useAssignmentsStore.setState({ groupId, overview: undefined, week: undefined });
    void reloadOverview(groupId);
    return () => {
      if (--subscribers === 0) unsubscribe?.();
    };
  }, [groupId]);
  const { overview, groupId: loadedFor } = useAssignmentsStore();
  return loadedFor === groupId ? overview : undefined;
}

type RulesWrite =
  | 'rules.createAssignment'
  | 'rules.editAssignment'
  | 'rules.postpone'
  | 'rules.cancel'
  | 'rules.checkIn'
  | 'rules.setRules'
  | 'rules.setShareLimit'
  | 'rules.pause'
  | 'rules.pardon'
  | 'rules.revive'
  | 'rules.ruleCheckIn';

/** Runs one rules write, says it worked, and reloads; false (with the error shown) when it did not. */
export async function writeRules<K extends RulesWrite>(
  name: K,
  input: MethodInput<Contract, K>,
  doneKey: string,
): Promise<boolean> {
  try {
    await api.call(name, input);
    // While the folder is away the write waits on this computer: the toast says so, not "done".
    const group = useGroupStore.getState().groups.find((g) => g.groupId === input.groupId);
    await announceShared(input.groupId, group?.name ?? '', i18next.t(doneKey));
    await reloadOverview(input.groupId);
    return true;
  } catch (error) {
    reportError(error);
    return false;
  }
}
