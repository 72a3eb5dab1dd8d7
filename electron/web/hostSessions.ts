// Who the web host lets in: one-time entry tokens that the process owner hands out, the per-tab sessions
// they turn into, and the check of a session's header and of its signed URLs. Nothing here is a cookie,
// so nothing reaches another server on 127.0.0.1. Sessions live as long as the host process.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { sessionKeys, urlSignature, type AuthFailure, type SessionKeys } from '../../shared/api/webSession';

/**
 * A signed URL that was used stays good until it has been idle this long. Every Range request of a
 * playing or seeking player renews it, so an hour-long speech plays and seeks to its end; two hours
 * cover a paused player picked up again after a break. A URL copied out of the page and never used
 * dies with its short lifetime (`signedUrlLifetimeMs`), and every URL dies with the host process.
 */
export const signedUrlIdleMs = 2 * 60 * 60_000;
/** Renewed URLs remembered per session (a tab opens a handful at a time); the least recent go first. */
const maxRenewedPerSession = 256;

export type AuthResult = { ok: true } | { ok: false; reason: AuthFailure };

interface Session {
  secret: Buffer;
  keys: SessionKeys;
  /** Signature → when it last authorised a request. */
  lastUse: Map<string, number>;
}

const granted: AuthResult = { ok: true };
const refused = (reason: AuthFailure): AuthResult => ({ ok: false, reason });

export class HostSessions {
  /** SHA-256 of each unspent entry token, so a lookup's timing says nothing about a token. */
  private readonly entryTokens = new Set<string>();
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly now: () => number) {}

  newEntryToken(): string {
    const token = randomBytes(24).toString('hex');
    this.entryTokens.add(digest(token));
    return token;
  }

  /** Spends an entry token for a new session's secret; `undefined` if it was spent or never made here. */
  redeem(token: string): string | undefined {
    if (!this.entryTokens.delete(digest(token))) return undefined;
    const secret = randomBytes(32).toString('base64url');
    const keys = sessionKeys(secret);
    this.sessions.set(keys.id, { secret: Buffer.from(secret), keys, lastUse: new Map() });
    return secret;
  }

  /** The session secret an /api call carries in its header. */
  checkSecret(secret: string | undefined): AuthResult {
    if (!secret) return refused('no_session');
    const session = this.sessions.get(sessionKeys(secret).id);
    if (!session || !sameBytes(session.secret, Buffer.from(secret))) return refused('unknown_session');
    return granted;
  }

  /** A signed URL (`s`, `e`, `sig` in the query) for exactly this path. */
  checkSignedUrl(path: string, query: URLSearchParams): AuthResult {
    const id = query.get('s');
    const expires = query.get('e');
    const signature = query.get('sig');
    if (!id || !expires || !signature) return refused('no_session');
    const session = this.sessions.get(id);
    if (!session) return refused('unknown_session');
    if (!/^\d{1,12}$/.test(expires)) return refused('bad_signature');
    const expected = urlSignature(session.keys, path, Number(expires));
    if (!sameBytes(Buffer.from(signature), Buffer.from(expected))) return refused('bad_signature');
    const now = this.now();
    const lastUse = session.lastUse.get(signature);
    const fresh = now <= Number(expires) * 1000;
    if (!fresh && (lastUse === undefined || now - lastUse > signedUrlIdleMs)) return refused('expired');
    renew(session.lastUse, signature, now);
    return granted;
  }
}

function renew(lastUse: Map<string, number>, signature: string, now: number): void {
  lastUse.delete(signature); // re-inserted last, so the map's order is least recently used first
  lastUse.set(signature, now);
  for (const oldest of lastUse.keys()) {
    if (lastUse.size <= maxRenewedPerSession) break;
    lastUse.delete(oldest);
  }
}

function digest(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function sameBytes(a: Buffer, b: Buffer): boolean {
  return a.length === b.length && timingSafeEqual(a, b);
}
