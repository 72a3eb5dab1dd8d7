// The session the entry redirect hands a tab in the URL fragment: kept in the tab's sessionStorage,
// gone from the address bar; a URL without one (a reload, Electron) is left alone.
import { describe, expect, it } from 'vitest';
import { adoptSessionFromUrl, tabSession } from './tabSession';

function tab(hash: string) {
  const stored = new Map<string, string>();
  const place = {
    location: { hash, pathname: '/', search: '' },
    history: {
      state: null,
      replaced: [] as string[],
      replaceState(_state: unknown, _unused: string, url?: string | URL | null) {
        this.replaced.push(String(url));
      },
    },
    sessionStorage: {
      getItem: (key: string) => stored.get(key) ?? null,
      setItem: (key: string, value: string) => void stored.set(key, value),
    },
  };
  return place;
}

describe('adoptSessionFromUrl', () => {
  it('moves the secret from the fragment into sessionStorage and out of the address bar', () => {
    const place = tab('#lectern-session=abc_DEF-123');
    adoptSessionFromUrl(place);
    expect(tabSession(place)).toBe('abc_DEF-123');
    expect(place.history.replaced).toEqual(['/']);
  });

  it('leaves an address without a session, and the session the tab already has, alone', () => {
    const place = tab('#lectern-session=first');
    adoptSessionFromUrl(place);
    place.location.hash = '#/journal';
    adoptSessionFromUrl(place);
    expect(tabSession(place)).toBe('first');
    expect(place.history.replaced).toEqual(['/']);
    expect(tabSession(tab(''))).toBeUndefined();
  });
});
