// The critiques of the speech open in the group's player: its threads, evaluation summary and
// criteria, reloaded whenever the group changes (a critique from the folder, or this member's own),
// and the actions that write critique events. A failed write is reported and rethrown, so the
// composer that started it keeps its text.
import { useEffect } from 'react';
import { create } from 'zustand';
import type { CritiqueThreads } from '../../shared/api/critiqueContract';
import type { Anchor, Evaluation, Reaction } from '../../shared/critique/critiqueEvents';
import { LecternError } from '../../shared/api/errors';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';
import { markRecordingRead } from './inboxStore';

interface CritiqueState {
  groupId: string | undefined;
  recordingId: string | undefined;
  data: CritiqueThreads | undefined;
}

export const useCritiqueStore = create<CritiqueState>(() => ({
  groupId: undefined,
  recordingId: undefined,
  data: undefined,
}));

export async function reloadThreads(): Promise<void> {
  const { groupId, recordingId } = useCritiqueStore.getState();
  if (!groupId || !recordingId) return;
  try {
    const data = await api.call('critique.threads', { groupId, recordingId });
    const now = useCritiqueStore.getState();
    if (now.groupId !== groupId || now.recordingId !== recordingId) return;
    useCritiqueStore.setState({ data });
    await markRecordingRead(groupId, recordingId);
  } catch (error) {
    // The speech stopped being shared: the feed closes the player with a notice saying so.
    if (error instanceof LecternError && error.messageKey === 'errors.critiqueNoSpeech') return;
    reportError(error);
  }
}

/** Loads a recording's critiques while the player is open, and keeps them live. */
export function useCritiqueThreads(groupId: string, recordingId: string): CritiqueThreads | undefined {
  useEffect(() => {
    useCritiqueStore.setState({ groupId, recordingId, data: undefined });
    void reloadThreads();
    const off = api.on('group.changed', (event) => {
      if (event.groupId === groupId) void reloadThreads();
    });
    return () => {
      off();
      if (useCritiqueStore.getState().recordingId === recordingId)
        useCritiqueStore.setState({ groupId: undefined, recordingId: undefined, data: undefined });
    };
  }, [groupId, recordingId]);
  const data = useCritiqueStore((s) => s.data);
  return data?.recordingId === recordingId ? data : undefined;
}

/** Runs a write for the open group, reloads, and reports (then rethrows) a failure. */
async function write(run: (groupId: string) => Promise<unknown>): Promise<void> {
  const { groupId } = useCritiqueStore.getState();
  if (!groupId) return;
  try {
    await run(groupId);
  } catch (error) {
    reportError(error);
    throw error;
  }
  await reloadThreads();
}

export const critiqueWrites = {
  comment: (recording: string, anchor: Anchor | undefined, text: string, evaluation?: Evaluation) =>
    write((groupId) =>
      api.call('critique.comment', {
        groupId,
        body: { recording, text, ...(anchor && { anchor }), ...(evaluation && { evaluation }) },
      }),
    ),
  reply: (parent: string, text: string) =>
    write((groupId) => api.call('critique.reply', { groupId, body: { parent, text } })),
  edit: (target: string, text: string) =>
    write((groupId) => api.call('critique.edit', { groupId, body: { target, text } })),
  retract: (target: string) =>
    write((groupId) => api.call('critique.retract', { groupId, body: { target } })),
  resolve: (comment: string, resolved: boolean) =>
    write((groupId) => api.call('critique.resolve', { groupId, body: { comment, resolved } })),
  react: (target: string, reaction: Reaction, on: boolean) =>
    write((groupId) => api.call('critique.react', { groupId, body: { target, reaction, on } })),
  hide: (target: string, hidden: boolean) =>
    write((groupId) => api.call('critique.hide', { groupId, body: { target, hidden } })),
  filler: (recording: string, atMs: number, word?: string) =>
    write((groupId) =>
      api.call('critique.filler', {
        groupId,
        body: { recording, atMs, ...(word !== undefined && { word }) },
      }),
    ),
  withdrawFiller: (target: string) =>
    write((groupId) => api.call('critique.fillerWithdraw', { groupId, body: { target } })),
  fillerCounted: (recording: string, counted: boolean) =>
    write((groupId) => api.call('critique.fillerCounted', { groupId, body: { recording, counted } })),
};
