// UI state outside components: which screen is showing. The screen mirrors the URL hash so a reload
// (or the browser's back button) keeps the member where they were.
import { create } from 'zustand';
import { Screen } from '../../shared/api/contract';

interface UiState {
  screen: Screen;
}

function screenFromHash(hash: string): Screen {
  const parsed = Screen.safeParse(hash.replace(/^#\/?/, ''));
  return parsed.success ? parsed.data : 'home';
}

export const useUiStore = create<UiState>(() => ({ screen: screenFromHash(window.location.hash) }));

export function navigate(screen: Screen): void {
  const hash = `#/${screen}`;
  if (useUiStore.getState().screen === screen && window.location.hash === hash) return;
  useUiStore.setState({ screen });
  window.history.pushState(null, '', hash);
}

window.addEventListener('popstate', () =>
  useUiStore.setState({ screen: screenFromHash(window.location.hash) }),
);
