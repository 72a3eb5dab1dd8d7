// The web host's session, as both ends see it: the secret a tab gets once (in the entry redirect's
// URL fragment) and sends in a header with every API call, and the signed URLs it makes for the GET
// requests a page cannot add a header to (EventSource, <audio>, a download link). The signing key is
// derived from the secret, so a URL never carries the secret; other servers on 127.0.0.1 get nothing.
import { hmac } from '@noble/hashes/hmac.js';
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, utf8ToBytes } from '@noble/hashes/utils.js';

/** The request header that carries the tab's session secret on every /api call. */
export const sessionHeader = 'X-Lectern-Session';
/** The URL fragment key the entry redirect uses (`/#lectern-session=<secret>`). */
export const sessionFragmentKey = 'lectern-session';

/**
 * A new signed URL is good for this long; the host then keeps it alive for as long as it is used (see
 * `signedUrlIdleMs` in electron/web/hostSessions.ts), because a media element keeps its URL for its
 * whole life and asks again (with Range) at every seek.
 */
export const signedUrlLifetimeMs = 10 * 60_000;

/** Why the host refused a request; sent as `WWW-Authenticate: Lectern-Session error="<reason>"`. */
export const authFailures = [
  /** The request carries no session at all (a tab that never opened an entry address). */
  'no_session',
  /** The session is not one this host made: the host was restarted since the tab signed in. */
  'unknown_session',
  /** The entry address was used already, or belongs to another run. */
  'invalid_token',
  /** A signed URL whose signature does not match its path and expiry. */
  'bad_signature',
  /** A signed URL past its expiry and not in use. */
  'expired',
] as const;
export type AuthFailure = (typeof authFailures)[number];

export interface SessionKeys {
  /** Names the session in signed URLs; not secret. */
  id: string;
  signingKey: Uint8Array;
}

export function sessionKeys(secret: string): SessionKeys {
  const root = utf8ToBytes(secret);
  return {
    id: bytesToHex(hmac(sha256, root, utf8ToBytes('lectern/session-id/v1'))).slice(0, 32),
    signingKey: hmac(sha256, root, utf8ToBytes('lectern/url-signing/v1')),
  };
}

/** HMAC-SHA256 over the path (no method, no query) and the expiry in Unix seconds. */
export function urlSignature(keys: SessionKeys, path: string, expiresAtSeconds: number): string {
  return bytesToHex(hmac(sha256, keys.signingKey, utf8ToBytes(`${path}\n${expiresAtSeconds}`)));
}

/** `path` with the session id, the expiry and the signature added as query parameters. */
export function signPath(keys: SessionKeys, path: string, nowMs: number): string {
  const expires = Math.floor((nowMs + signedUrlLifetimeMs) / 1000);
  // Hex and digits only: nothing to escape.
  return `${path}?s=${keys.id}&e=${expires}&sig=${urlSignature(keys, path, expires)}`;
}

/** Reads the reason out of a 401/403's `WWW-Authenticate` header. */
export function authFailureOf(header: string | null | undefined): AuthFailure | undefined {
  const reason = /error="([a-z_]+)"/.exec(header ?? '')?.[1];
  return authFailures.find((each) => each === reason);
}

export function authenticateHeader(reason: AuthFailure): string {
  return `Lectern-Session error="${reason}"`;
}
