// The journal screen's UI state, outside components: which entry is open, the search, the filters,
// list or calendar, and which dialog is showing.
import { create } from 'zustand';
import { noFilter, type EntryFilter } from '../../shared/journal/entryFilter';

export type JournalDialog = 'trash' | 'templates' | null;

interface JournalUiState {
  selectedId: string | null;
  query: string;
  filter: EntryFilter;
  view: 'list' | 'calendar';
  dialog: JournalDialog;
}

export const useJournalStore = create<JournalUiState>(() => ({
  selectedId: null,
  query: '',
  filter: noFilter,
  view: 'list',
  dialog: null,
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
