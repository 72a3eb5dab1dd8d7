// The member's speeches as the UI sees them: loaded from main, reloaded whenever main says they
// changed (a recording finished, an import landed, a crash was recovered), plus imports in progress.
import { useEffect } from 'react';
import { create } from 'zustand';
import { useShallow } from 'zustand/react/shallow';
import type { Speech } from '../../shared/domain/speech';
import { api } from '../api/api';
import { reportError } from '../shell/reportError';
import { prefetchSpeechPeaks } from './loadSpeechPeaks';
import { drawMissingPosters } from './missingPosters';

export interface ImportProgress {
  key: string;
  name: string;
  fraction: number;
  /** How far copying the file and analysing its sound are, 0..1 each (they run side by side). */
  stages?: { copied: number; analysed: number };
  /** Stops the import (its half-made speech is discarded); absent, it cannot be cancelled. */
  cancel?: () => void;
}

interface SpeechesState {
  speeches: Speech[];
  loaded: boolean;
  openSpeechId: string | undefined;
  /**
   * Counts the presses of ▶ that opened a speech: the player plays at once when opened so, and a new
   * count makes it start again even when that speech was open already. Zero: opened to look at.
   */
  playRequest: number;
  imports: ImportProgress[];
}

export const useSpeechesStore = create<SpeechesState>(() => ({
  speeches: [],
  loaded: false,
  openSpeechId: undefined,
  playRequest: 0,
  imports: [],
}));

let reloadsStarted = 0;
let latestApplied = 0;

/** Lists the speeches again; a reply that overtook a later one is dropped, so the list never goes back. */
export async function reloadSpeeches(): Promise<void> {
  const reload = ++reloadsStarted;
  try {
    const speeches = await api.call('speeches.list', {});
    if (reload < latestApplied) return;
    latestApplied = reload;
    useSpeechesStore.setState({ speeches, loaded: true });
    drawMissingPosters(speeches);
  } catch (error) {
    reportError(error);
  }
}

let subscribers = 0;
let unsubscribe: (() => void) | undefined;

/**
 * Keeps the list fresh while any screen that shows speeches is mounted. The speech open in the player
 * is not part of it: opening one re-renders the player alone (`useOpenSpeech`), not every list.
 */
export function useLiveSpeeches(): Pick<SpeechesState, 'speeches' | 'loaded' | 'imports'> {
  useEffect(() => {
    if (subscribers++ === 0) unsubscribe = api.on('speeches.changed', () => void reloadSpeeches());
    void reloadSpeeches();
    return () => {
      if (--subscribers === 0) unsubscribe?.();
    };
  }, []);
  return useSpeechesStore(useShallow(({ speeches, loaded, imports }) => ({ speeches, loaded, imports })));
}

/** The speech open in the library's player, and how often ▶ asked it to play. */
export function useOpenSpeech(): { speech: Speech | undefined; playRequest: number } {
  return useSpeechesStore(
    useShallow(({ speeches, openSpeechId, playRequest }) => ({
      speech: speeches.find((speech) => speech.id === openSpeechId),
      playRequest,
    })),
  );
}

export function openSpeech(speechId: string | undefined): void {
  if (speechId) prefetchSpeechPeaks(speechId);
  useSpeechesStore.setState({ openSpeechId: speechId, playRequest: 0 });
}

/** Opens a speech in the player and plays it: one press of ▶. */
export function playSpeech(speechId: string): void {
  prefetchSpeechPeaks(speechId);
  useSpeechesStore.setState((s) => ({ openSpeechId: speechId, playRequest: s.playRequest + 1 }));
}

export function trackImport(progress: ImportProgress): void {
  const others = useSpeechesStore.getState().imports.filter((each) => each.key !== progress.key);
  useSpeechesStore.setState({ imports: progress.fraction >= 1 ? others : [...others, progress] });
}

export async function renameSpeech(speechId: string, title: string): Promise<void> {
  await api.call('speeches.update', { speechId, title }).catch(reportError);
  await reloadSpeeches();
}

export async function setSpeechTags(speechId: string, tags: string[]): Promise<void> {
  await api.call('speeches.update', { speechId, tags }).catch(reportError);
  await reloadSpeeches();
}

export async function deleteSpeech(speechId: string): Promise<void> {
  if (useSpeechesStore.getState().openSpeechId === speechId) openSpeech(undefined);
  await api.call('speeches.delete', { speechId }).catch(reportError);
  await reloadSpeeches();
}

export async function restoreSpeech(speechId: string): Promise<void> {
  await api.call('speeches.restore', { speechId }).catch(reportError);
  await reloadSpeeches();
}
