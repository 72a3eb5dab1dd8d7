// The browser's HTTP bridge against a real web host, for what a member sees when the session is
// refused: a restarted host (open the new address) is told apart from a tab that never signed in.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import { createDispatcher } from '../../shared/api/dispatcher';
import { sessionFragmentKey } from '../../shared/api/webSession';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { createHttpBridge } from '../../renderer/api/httpBridge';
import { testContract, testHandlers } from './testContract';

let rendererDir: string;
let host: WebHost | undefined;

const start = (port?: number) =>
  startWebHost({
    rendererDir,
    dispatch: createDispatcher(testContract, testHandlers, () => {}),
    subscribe: () => () => {},
    ...(port === undefined ? {} : { port }),
  });

/**
 * fetch over a new connection each time: Node's fetch would reuse a kept-alive connection to the
 * stopped host and fail, where a browser notices the closed connection and opens a new one.
 */
const freshFetch: typeof fetch = async (input, init) => {
  const body = init?.body ? Buffer.from(init.body as Uint8Array) : undefined;
  const headers = Object.fromEntries(new Headers(init?.headers).entries());
  return new Promise<Response>((resolve, reject) => {
    const req = request(String(input), { method: init?.method ?? 'GET', headers, agent: false }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const answer = new Headers();
        for (const [name, value] of Object.entries(res.headers))
          if (typeof value === 'string') answer.set(name, value);
        resolve(new Response(Buffer.concat(chunks), { status: res.statusCode ?? 0, headers: answer }));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
};

async function signIn(entryUrl: string): Promise<string> {
  const response = await freshFetch(entryUrl, {});
  return new URLSearchParams(response.headers.get('location')!.split('#')[1]).get(sessionFragmentKey)!;
}

function client(origin: string, session: string | undefined) {
  return createClient<typeof testContract, Record<string, never>>(
    createHttpBridge({ baseUrl: origin, session: () => session, fetch: freshFetch }),
  );
}

beforeAll(async () => {
  rendererDir = await mkdtemp(join(tmpdir(), 'lectern-renderer-'));
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
});
afterEach(() => host?.close());

describe('the HTTP bridge with a refused session', () => {
  it('says the host was restarted when the host no longer knows the tab', async () => {
    host = await start();
    const session = await signIn(host.newEntryUrl());
    expect(await client(host.origin, session).call('whoami', {})).toEqual({ transport: 'http' });

    const { port, origin } = host;
    await host.close();
    host = await start(port);
    const error = await client(origin, session)
      .call('whoami', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', messageKey: 'errors.hostRestarted' });
  });

  it('says how to sign in when the tab has no session', async () => {
    host = await start();
    const error = await client(host.origin, undefined)
      .call('whoami', {})
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ code: 'forbidden', messageKey: 'errors.notSignedIn' });
  });
});
