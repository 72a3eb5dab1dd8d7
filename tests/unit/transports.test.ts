// The same contract tests through both transports: Electron IPC (as the preload would call it) and the
// loopback HTTP host (as the browser would). The renderer must not be able to tell them apart.
import { mkdtemp, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createClient } from '../../shared/api/client';
import type { Bridge } from '../../shared/api/contractTypes';
import { createDispatcher } from '../../shared/api/dispatcher';
import { LecternError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/result';
import { sessionFragmentKey } from '../../shared/api/webSession';
import { registerIpcTransport } from '../../electron/main/ipcTransport';
import { startWebHost, type WebHost } from '../../electron/web/webHost';
import { createHttpBridge } from '../../renderer/api/httpBridge';
import { testContract, testHandlers } from './testContract';

const unexpected: unknown[] = [];
const dispatch = createDispatcher(testContract, testHandlers, (thrown) => unexpected.push(thrown));

function ipcBridge(): Bridge {
  let handler: ((event: unknown, ...args: unknown[]) => Promise<CallResult>) | undefined;
  registerIpcTransport({ handle: (_channel, listener) => (handler = listener as never) }, dispatch, (url) =>
    url.startsWith('app://lectern/'),
  );
  const event = { senderFrame: { url: 'app://lectern/index.html', parent: null } };
  return {
    // structuredClone stands in for Electron's IPC serialisation.
    invoke: (name, input) => handler!(event, name, structuredClone(input)),
    subscribe: () => () => {},
  };
}

let host: WebHost;
let session = '';

async function httpBridge(): Promise<Bridge> {
  if (!session) {
    // As a browser tab does: open an entry address, keep the secret the redirect's fragment carries.
    const response = await fetch(host.newEntryUrl(), { redirect: 'manual' });
    session = new URLSearchParams(response.headers.get('location')!.split('#')[1]).get(sessionFragmentKey)!;
  }
  return createHttpBridge({
    baseUrl: host.origin,
    session: () => session,
    fetch: (input, init) => fetch(input, { ...init, headers: { ...init?.headers, Origin: host.origin } }),
  });
}

beforeAll(async () => {
  const rendererDir = await mkdtemp(join(tmpdir(), 'lectern-renderer-'));
  await mkdir(rendererDir, { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>t</title>');
  host = await startWebHost({ rendererDir, dispatch, subscribe: () => () => {} });
});
afterAll(() => host.close());

describe.each([
  ['ipc', async () => ipcBridge()],
  ['http', httpBridge],
] as const)('over %s', (transport, makeBridge) => {
  const client = async () => createClient<typeof testContract, Record<string, never>>(await makeBridge());

  it('carries megabytes of audio bytes exactly', async () => {
    const data = new Uint8Array(5 * 1024 * 1024).map((_, i) => (i * 31) % 251);
    const result = await (await client()).call('echo.bytes', { data, label: '音频' });
    expect(result.size).toBe(data.byteLength);
    expect(result.label).toBe('音频');
    expect(result.data).toBeInstanceOf(Uint8Array);
    expect(Buffer.from(result.data).equals(Buffer.from(data))).toBe(true);
  });

  it('tells the handler which transport it came through', async () => {
    expect(await (await client()).call('whoami', {})).toEqual({ transport });
  });

  it('rejects input that breaks the schema before any handler runs', async () => {
    const error = await (
      await client()
    )
      .call('echo.bytes', { data: 'not bytes' as never, label: 'x' })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(LecternError);
    expect((error as LecternError).code).toBe('invalid_input');
    expect((error as LecternError).details?.['issues']).toEqual([expect.objectContaining({ path: 'data' })]);
  });

  it('refuses a method the contract does not name', async () => {
    const result = await (await makeBridge()).invoke('shell.exec', { command: 'rm -rf /' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_method' } });
  });

  it('passes known errors through with their code, message key and details', async () => {
    const error = (await (
      await client()
    )
      .call('fail.known', { id: 'speech-1' })
      .catch((e: unknown) => e)) as LecternError;
    expect(error.toJSON()).toEqual({
      code: 'not_found',
      messageKey: 'errors.not_found',
      details: { id: 'speech-1' },
    });
  });

  it('hides unexpected errors behind `internal`, logging them in main only', async () => {
    const before = unexpected.length;
    const result = await (await makeBridge()).invoke('fail.unexpected', {});
    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(JSON.stringify(result)).not.toContain('secret');
    expect(unexpected.length).toBe(before + 1);
  });
});

describe('ipc sender check', () => {
  it('refuses calls from a page that is not the app, or from a subframe', async () => {
    let handler: ((event: unknown, ...args: unknown[]) => Promise<CallResult>) | undefined;
    registerIpcTransport({ handle: (_c, listener) => (handler = listener as never) }, dispatch, (url) =>
      url.startsWith('app://lectern/'),
    );
    const foreign = await handler!(
      { senderFrame: { url: 'https://evil.example/', parent: null } },
      'whoami',
      {},
    );
    const subframe = await handler!({ senderFrame: { url: 'app://lectern/x', parent: {} } }, 'whoami', {});
    const gone = await handler!({ senderFrame: null }, 'whoami', {});
    for (const result of [foreign, subframe, gone])
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
  });
});
