// The browser's bridge to the loopback web host: MessagePack over POST, events over Server-Sent Events.
// The host's cookie (set when the printed address was opened) authorises every request.
import type { Bridge } from '../../shared/api/contractTypes';
import { LecternError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/result';
import { decodeWire, encodeWire, wireContentType } from '../../shared/api/wire';

export interface HttpBridgeOptions {
  baseUrl?: string;
  /** For tests outside a browser, which keep no cookies. */
  fetch?: typeof fetch;
  EventSource?: typeof EventSource;
}

export function createHttpBridge(options: HttpBridgeOptions = {}): Bridge {
  const baseUrl = options.baseUrl ?? '';
  const send = options.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const listeners = new Set<(event: string, payload: unknown) => void>();
  let source: EventSource | undefined;

  return {
    async invoke(name, input) {
      let response: Response;
      try {
        response = await send(`${baseUrl}/api/${encodeURIComponent(name)}`, {
          method: 'POST',
          headers: { 'Content-Type': wireContentType },
          body: encodeWire(input) as Uint8Array<ArrayBuffer>,
          credentials: 'same-origin',
        });
      } catch {
        return { ok: false, error: new LecternError('unavailable', 'errors.offline').toJSON() };
      }
      if (!response.ok) {
        const code = response.status === 401 || response.status === 403 ? 'forbidden' : 'unavailable';
        return { ok: false, error: new LecternError(code, 'errors.offline').toJSON() };
      }
      return decodeWire(new Uint8Array(await response.arrayBuffer())) as CallResult;
    },
    subscribe(listener) {
      listeners.add(listener);
      if (!source) {
        const Source = options.EventSource ?? globalThis.EventSource;
        source = new Source(`${baseUrl}/api/events`);
        source.onmessage = (message: MessageEvent<string>) => {
          const { event, payload } = JSON.parse(message.data) as { event: string; payload: unknown };
          for (const each of listeners) each(event, payload);
        };
      }
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
