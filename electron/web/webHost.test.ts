// The web host's own guards: the token, the cookie, the Host and Origin checks, the body limit,
// the CSP, and a renderer folder that no request path escapes.
import { request } from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../shared/api/dispatcher';
import { decodeWire, encodeWire, wireContentType } from '../../shared/api/wire';
import { EventHub } from '../../shared/api/eventHub';
import { startWebHost, maxRequestBytes, type WebHost } from './webHost';

const contract = { ping: { input: z.object({}), output: z.literal('pong') } };
const hub = new EventHub<{ hello: z.ZodString }>();
let host: WebHost;
let cookie: string;
let root: string;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-host-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'private');
  const dispatch = createDispatcher(contract, { ping: () => 'pong' as const }, () => {});
  host = await startWebHost({
    rendererDir: join(root, 'renderer'),
    dispatch,
    subscribe: (l) => hub.subscribe(l),
  });
  const response = await fetch(host.url, { redirect: 'manual' });
  cookie = (response.headers.get('set-cookie') ?? '').split(';')[0]!;
});
afterAll(() => host.close());

/** A raw request, so the test controls the path and headers exactly as a hostile page could. */
function raw(path: string, headers: Record<string, string> = {}, method = 'GET', body?: Uint8Array) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, method, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end(body);
    },
  );
}

describe('web host', () => {
  it('listens on loopback only and hands out an HttpOnly, SameSite cookie for the printed address', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const response = await fetch(host.url, { redirect: 'manual' });
    expect(response.status).toBe(303);
    expect(response.headers.get('set-cookie')).toMatch(/HttpOnly; SameSite=Strict/);
  });

  it('locks out requests without the token, with a wrong token, or from another host name', async () => {
    expect((await raw('/')).status).toBe(401);
    expect((await raw('/?token=guess')).status).toBe(401);
    expect((await raw('/', { Cookie: 'lectern_token=guess' })).status).toBe(401);
    expect((await raw('/', { Cookie: cookie, Host: `evil.example:${host.port}` })).status).toBe(421);
    expect((await raw('/', { Cookie: cookie })).status).toBe(200);
  });

  it('refuses API calls from another origin', async () => {
    const body = encodeWire({});
    const foreign = await raw(
      '/api/ping',
      { Cookie: cookie, Origin: 'http://evil.example', 'Content-Type': wireContentType },
      'POST',
      body,
    );
    expect(foreign.status).toBe(403);
    const own = await raw(
      '/api/ping',
      { Cookie: cookie, Origin: host.origin, 'Content-Type': wireContentType },
      'POST',
      body,
    );
    expect(decodeWire(own.body)).toEqual({ ok: true, value: 'pong' });
  });

  it('sends the strict CSP with every page', async () => {
    const page = await raw('/', { Cookie: cookie });
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves files from the renderer folder and nothing outside it', async () => {
    expect((await raw('/assets/app.js', { Cookie: cookie })).body.toString()).toBe('console.log(1)');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
    ]) {
      const response = await raw(path, { Cookie: cookie });
      expect(response.body.toString()).not.toContain('private');
    }
  });

  it('answers an oversized body with a clear error instead of reading it all', async () => {
    const big = new Uint8Array(maxRequestBytes + 1);
    const response = await raw('/api/ping', { Cookie: cookie, 'Content-Type': wireContentType }, 'POST', big);
    expect(decodeWire(response.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.too_large' },
    });
  });

  it('streams events to the page as Server-Sent Events', async () => {
    const controller = new AbortController();
    const response = await fetch(`${host.origin}/api/events`, {
      headers: { Cookie: cookie },
      signal: controller.signal,
    });
    const reader = response.body!.getReader();
    await reader.read(); // the ": connected" comment
    hub.publish('hello', '你好');
    const { value } = await reader.read();
    controller.abort();
    expect(new TextDecoder().decode(value)).toBe(
      `data: ${JSON.stringify({ event: 'hello', payload: '你好' })}\n\n`,
    );
  });
});
