// The journal screen's UI state, outside components: which entry is open, the search, the filters,
// list or calendar, which dialog is showing, and the last import's report.
import { create } from 'zustand';
import { noFilter, type EntryFilter } from '../../shared/journal/entryFilter';
import type { ImportOutcome } from './journalTransfer';

export type JournalDialog = 'trash' | 'templates' | 'importReport' | null;

interface JournalUiState {
  selectedId: string | null;
  query: string;
  filter: EntryFilter;
  view: 'list' | 'calendar';
  dialog: JournalDialog;
  importReport: ImportOutcome | null;
}

export const useJournalStore = create<JournalUiState>(() => ({
  selectedId: null,
  query: '',
  filter: noFilter,
  view: 'list',
  dialog: null,
  importReport: null,
}));

export function selectEntry(selectedId: string | null): void {
  useJournalStore.setState({ selectedId });
}

export function setQuery(query: string): void {
  useJournalStore.setState({ query });
}

export function setFilter(change: Partial<EntryFilter>): void {
  useJournalStore.setState((state) => ({ filter: { ...state.filter, ...change } }));
}

export function clearFilters(): void {
  useJournalStore.setState({ filter: noFilter, query: '' });
}

export function setView(view: JournalUiState['view']): void {
  useJournalStore.setState({ view });
}

export function openDialog(dialog: JournalDialog): void {
  useJournalStore.setState({ dialog });
}

/** Shows what an import took from each file and what it left out. */
export function showImportReport(importReport: ImportOutcome): void {
  useJournalStore.setState({ importReport, dialog: 'importReport' });
}
