// The web host's session for this tab. The entry redirect leaves its secret in the URL fragment (which
// no server sees); `adoptSessionFromUrl` moves it into sessionStorage, which belongs to this tab alone
// and survives its reloads, and takes it out of the address bar and the history entry.
import { sessionFragmentKey } from '../../shared/api/webSession';

const storageKey = 'lectern.session';

interface Place {
  location: Pick<Location, 'hash' | 'pathname' | 'search'>;
  history: Pick<History, 'replaceState' | 'state'>;
  sessionStorage: Pick<Storage, 'getItem' | 'setItem'>;
}

/** Runs before anything else reads the URL (api.ts is main.tsx's first import). */
export function adoptSessionFromUrl(place: Place): void {
  const fragment = new URLSearchParams(place.location.hash.replace(/^#/, ''));
  const secret = fragment.get(sessionFragmentKey);
  if (secret === null) return;
  place.sessionStorage.setItem(storageKey, secret);
  place.history.replaceState(place.history.state, '', place.location.pathname + place.location.search);
}

export function tabSession(place: Pick<Place, 'sessionStorage'>): string | undefined {
  return place.sessionStorage.getItem(storageKey) ?? undefined;
}
