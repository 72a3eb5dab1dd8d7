// The browser's bridge to the loopback web host: MessagePack over POST, events over Server-Sent Events.
// Every call carries the tab's session secret in a header; the event stream (which cannot send headers)
// and media use URLs signed with a key derived from it. A refused session says why: a restarted host
// and a tab that never signed in need different advice.
import type { Bridge } from '../../shared/api/contractTypes';
import { LecternError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/result';
import { authFailureOf, sessionHeader, sessionKeys, signPath } from '../../shared/api/webSession';
import type { AuthFailure } from '../../shared/api/webSession';
import { decodeWire, encodeWire, wireContentType } from '../../shared/api/wire';

export interface HttpBridgeOptions {
  /** The tab's session secret, read at every call. */
  session(): string | undefined;
  /** Told when the event stream finds the session refused (the host restarted, or no sign-in). */
  onSessionLost?(error: LecternError): void;
  baseUrl?: string;
  now?: () => number;
  /** For tests outside a browser. */
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

/** `EventSource.CLOSED`: the browser gave up (a refusal), rather than retrying a dropped stream. */
const closed = 2;

/** The i18n key that tells a member what to do about a refused session. */
export function sessionErrorKey(reason: AuthFailure | undefined): string {
  if (reason === 'unknown_session') return 'errors.hostRestarted';
  if (reason === 'no_session' || reason === 'invalid_token') return 'errors.notSignedIn';
  return 'errors.offline';
}

/** Turns a path on the host into a URL this tab may load without headers: signed with its session. */
export function createUrlSigner(session: () => string | undefined, now: () => number = Date.now) {
  return (path: string): string => {
    const secret = session();
    return secret ? signPath(sessionKeys(secret), path, now()) : path;
  };
}

export function createHttpBridge(options: HttpBridgeOptions): Bridge {
  const baseUrl = options.baseUrl ?? '';
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const sign = createUrlSigner(options.session, options.now);
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let source: EventSource | undefined;

  const headers = (): Record<string, string> => {
    const secret = options.session();
    return secret ? { [sessionHeader]: secret } : {};
  };

  /** Why the host refuses this tab's session now, or undefined if it accepts it (or cannot be reached). */
  async function sessionRefusal(): Promise<AuthFailure | undefined> {
    const response = await send(`${baseUrl}/api/session`, { headers: headers() }).catch(() => undefined);
    return response?.status === 401 ? authFailureOf(response.headers.get('WWW-Authenticate')) : undefined;
  }

  function openEvents(): EventSource {
    const Source = options.EventSource ?? globalThis.EventSource;
    const opened = new Source(`${baseUrl}${sign('/api/events')}`);
    let connected = false;
    opened.onopen = () => (connected = true);
    opened.onmessage = (message: MessageEvent<string>) => {
      const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
      for (const each of listeners) each(event, payload);
    };
    opened.onerror = () => {
      if (opened.readyState !== closed) return;
      void sessionRefusal().then((reason) => {
        if (source !== opened) return; // unsubscribed meanwhile
        if (reason) options.onSessionLost?.(new LecternError('forbidden', sessionErrorKey(reason)));
        // A stream that worked and then was refused while the session stands: its URL aged; sign anew.
        else if (connected) source = openEvents();
      });
    };
    return opened;
  }

  return {
    async invoke(name, input) {
      let response: Response;
      try {
        response = await send(`${baseUrl}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': wireContentType, ...headers() },
          body: encodeWire(input) as Uint8Array<ArrayBuffer>,
          credentials: 'omit',
        });
      } catch {
        return { ok: false, error: new LecternError('unavailable', 'errors.offline').toJSON() };
      }
      if (!response.ok) {
        const reason = authFailureOf(response.headers.get('WWW-Authenticate'));
        const code = response.status === 401 || response.status === 403 ? 'forbidden' : 'unavailable';
        return { ok: false, error: new LecternError(code, sessionErrorKey(reason)).toJSON() };
      }
      return decodeWire(new Uint8Array(await response.arrayBuffer())) as CallResult;
    },
    subscribe(listener) {
      listeners.add(listener);
      source ??= openEvents();
      return () => {
        listeners.delete(listener);
        if (listeners.size === 0) {
          source?.close();
          source = undefined;
        }
      };
    },
  };
}
