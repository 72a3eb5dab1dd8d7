// The speech trash as the UI sees it: what main holds in the trash (reloaded whenever main says the
// speeches changed), whether its dialog is open, and the actions on it.
import i18next from 'i18next';
import { useEffect } from 'react';
import { create } from 'zustand';
import type { TrashedSpeech } from '../../shared/api/speechesContract';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';
import { notify } from '../shell/notify';
import { reloadSpeeches } from './speechesStore';

interface SpeechTrashState {
  trash: TrashedSpeech[];
  loaded: boolean;
  opened: boolean;
}

export const useSpeechTrashStore = create<SpeechTrashState>(() => ({
  trash: [],
  loaded: false,
  opened: false,
}));

export async function reloadTrash(): Promise<void> {
  try {
    useSpeechTrashStore.setState({ trash: await api.call('speeches.trash', {}), loaded: true });
  } catch (error) {
    reportError(error);
  }
}

let subscribers = 0;
let unsubscribe: (() => void) | undefined;

/** Keeps the trash fresh while a screen that shows it is mounted. */
export function useLiveTrash(): SpeechTrashState {
  useEffect(() => {
    if (subscribers++ === 0) unsubscribe = api.on('speeches.changed', () => void reloadTrash());
    void reloadTrash();
    return () => {
      if (--subscribers === 0) unsubscribe?.();
    };
  }, []);
  return useSpeechTrashStore();
}

export function openTrash(opened: boolean): void {
  useSpeechTrashStore.setState({ opened });
  if (opened) void reloadTrash();
}

export async function restoreFromTrash(trashed: TrashedSpeech): Promise<void> {
  try {
    await api.call('speeches.restore', { speechId: trashed.speech.id });
    notify({ color: 'teal', message: i18next.t('library.trash.restored', { title: trashed.speech.title }) });
  } catch (error) {
    reportError(error);
  }
  await Promise.all([reloadTrash(), reloadSpeeches()]);
}

export async function deleteForever(speechId: string): Promise<void> {
  await api.call('speeches.deleteForever', { speechId }).catch(reportError);
  await reloadTrash();
}

/** Empties the trash of the speeches listed (those the member was asked about). */
export async function emptyTrash(speechIds: string[]): Promise<void> {
  await api.call('speeches.emptyTrash', { speechIds }).catch(reportError);
  await reloadTrash();
}
