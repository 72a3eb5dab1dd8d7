// This computer's member key as main reports it (group.identity): how it is kept at rest, a problem
// reading it, and a notice the member has not read yet. Loaded once per page, again after a restore.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { IdentityReport } from '../../shared/api/groupContract';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';

interface IdentityState {
  identity: IdentityReport | undefined;
}

export const useIdentityStore = create<IdentityState>(() => ({ identity: undefined }));

let requested = false;

export async function reloadIdentity(): Promise<void> {
  requested = true;
  try {
    useIdentityStore.setState({ identity: await api.call('group.identity', {}) });
  } catch (error) {
    reportError(error);
  }
}

/** The member has read the notice: main forgets it, so it is shown once. */
export async function dismissIdentityNotice(): Promise<void> {
  try {
    useIdentityStore.setState({ identity: await api.call('group.identity', { dismissNotice: true }) });
  } catch (error) {
    reportError(error);
  }
}

/** The identity, asked for the first time a component needs it. */
export function useIdentity(): IdentityReport | undefined {
  useEffect(() => {
    if (!requested) void reloadIdentity();
  }, []);
  // A bridge that answers nothing (component tests) leaves it unknown.
  return useIdentityStore((state) => state.identity ?? undefined);
}
