// The web host's own guards: one-time entry addresses, the session header on every API call, signed
// URLs for media and events, the Host and Origin checks, the body limit, the CSP, a renderer folder
// that no request path escapes, and a port that never silently changes.
import { createServer, request } from 'node:http';
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../shared/api/dispatcher';
import { EventHub } from '../../shared/api/eventHub';
import {
  sessionFragmentKey,
  sessionHeader,
  sessionKeys,
  signPath,
  signedUrlLifetimeMs,
} from '../../shared/api/webSession';
import { decodeWire, encodeWire, wireContentType } from '../../shared/api/wire';
import { signedUrlIdleMs } from './hostSessions';
import { PortInUseError, startWebHost, maxRequestBytes, type WebHost } from './webHost';

const contract = { ping: { input: z.object({}), output: z.literal('pong') } };
const hub = new EventHub<{ hello: z.ZodString }>();
const audio = Buffer.from('0123456789abcdef');
let host: WebHost;
let root: string;
let clock = Date.UTC(2026, 0, 5, 9, 0, 0);

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-host-'));
  await mkdir(join(root, 'renderer', 'assets'), { recursive: true });
  await writeFile(join(root, 'renderer', 'index.html'), '<!doctype html><title>app</title>');
  await writeFile(join(root, 'renderer', 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'private');
  await writeFile(join(root, 'audio.webm'), audio);
  const dispatch = createDispatcher(contract, { ping: () => 'pong' as const }, () => {});
  host = await startWebHost({
    rendererDir: join(root, 'renderer'),
    dispatch,
    subscribe: (l) => hub.subscribe(l),
    resolveMedia: async (path) =>
      path === '/media/speeches/s1/audio'
        ? { path: join(root, 'audio.webm'), mimeType: 'audio/webm' }
        : undefined,
    now: () => clock,
  });
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

/** Opens a fresh entry address as a browser would, and returns the session secret from the redirect. */
async function signIn(): Promise<string> {
  const response = await fetch(host.newEntryUrl(), { redirect: 'manual' });
  const location = response.headers.get('location') ?? '';
  return new URLSearchParams(location.split('#')[1]).get(sessionFragmentKey) ?? '';
}

function ping(headers: Record<string, string>) {
  return raw('/api/ping', { 'Content-Type': wireContentType, ...headers }, 'POST', encodeWire({}));
}

const reason = (response: { headers: Record<string, unknown> }) =>
  /error="([a-z_]+)"/.exec(String(response.headers['www-authenticate']))?.[1];

describe('signing in', () => {
  it('turns a printed address into a session once, without a cookie, and a second use is locked', async () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const entry = host.newEntryUrl();
    const first = await fetch(entry, { redirect: 'manual' });
    expect(first.status).toBe(303);
    expect(first.headers.get('location')).toMatch(new RegExp(`^/#${sessionFragmentKey}=[A-Za-z0-9_-]{43}$`));
    expect(first.headers.get('cache-control')).toBe('no-store');
    expect(first.headers.get('referrer-policy')).toBe('no-referrer');
    expect(first.headers.get('set-cookie')).toBeNull();

    const again = await fetch(entry, { redirect: 'manual' });
    expect(again.status).toBe(401);
    expect(reason({ headers: { 'www-authenticate': again.headers.get('www-authenticate') } })).toBe(
      'invalid_token',
    );
    expect(await again.text()).toContain('used already');
    expect((await raw('/?token=guess')).status).toBe(401);
  });

  it('gives every entry address its own session, and both stay signed in', async () => {
    const [a, b] = [await signIn(), await signIn()];
    expect(a).not.toBe(b);
    expect(decodeWire((await ping({ [sessionHeader]: a })).body)).toEqual({ ok: true, value: 'pong' });
    expect(decodeWire((await ping({ [sessionHeader]: b })).body)).toEqual({ ok: true, value: 'pong' });
  });
});

describe('the API', () => {
  it('answers only calls that carry a session header this host made, and says which case it is', async () => {
    const secret = await signIn();
    const none = await ping({});
    expect([none.status, reason(none)]).toEqual([401, 'no_session']);
    const other = await ping({ [sessionHeader]: 'x'.repeat(43) });
    expect([other.status, reason(other)]).toEqual([401, 'unknown_session']);
    expect((await ping({ Cookie: `lectern_token=${secret}` })).status).toBe(401);
    expect(decodeWire((await ping({ [sessionHeader]: secret })).body)).toEqual({ ok: true, value: 'pong' });

    expect((await raw('/api/session', { [sessionHeader]: secret })).status).toBe(204);
    expect(reason(await raw('/api/session', { [sessionHeader]: 'x'.repeat(43) }))).toBe('unknown_session');
  });

  it('refuses API calls from another origin, even with the session', async () => {
    const secret = await signIn();
    const foreign = await ping({ [sessionHeader]: secret, Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    const own = await ping({ [sessionHeader]: secret, Origin: host.origin });
    expect(decodeWire(own.body)).toEqual({ ok: true, value: 'pong' });
  });

  it('answers an oversized body with a clear error instead of reading it all', async () => {
    const secret = await signIn();
    const big = new Uint8Array(maxRequestBytes + 1);
    const response = await raw(
      '/api/ping',
      { [sessionHeader]: secret, 'Content-Type': wireContentType },
      'POST',
      big,
    );
    expect(decodeWire(response.body)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input', messageKey: 'errors.too_large' },
    });
  });
});

describe('signed media and event URLs', () => {
  const audioPath = '/media/speeches/s1/audio';

  it('serve a speech by a URL signed for its path, with Range and the CSP, and nothing unsigned', async () => {
    const keys = sessionKeys(await signIn());
    const signed = await raw(signPath(keys, audioPath, clock), { Range: 'bytes=4-7' });
    expect(signed.status).toBe(206);
    expect(signed.body.toString()).toBe('4567');
    expect(String(signed.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(signed.headers['referrer-policy']).toBe('no-referrer');

    const unsigned = await raw(audioPath);
    expect([unsigned.status, reason(unsigned)]).toEqual([401, 'no_session']);
  });

  it('refuse a signature made for another path, a forged one, and one from an unknown session', async () => {
    const keys = sessionKeys(await signIn());
    const otherPath = signPath(keys, '/media/speeches/s2/audio', clock).split('?')[1];
    const wrongPath = await raw(`${audioPath}?${otherPath}`);
    expect([wrongPath.status, reason(wrongPath)]).toEqual([403, 'bad_signature']);

    const good = new URLSearchParams(signPath(keys, audioPath, clock).split('?')[1]);
    good.set(
      'sig',
      good.get('sig')!.replace(/^./, (c) => (c === '0' ? '1' : '0')),
    );
    const forged = await raw(`${audioPath}?${good.toString()}`);
    expect([forged.status, reason(forged)]).toEqual([403, 'bad_signature']);

    const later = new URLSearchParams(signPath(keys, audioPath, clock).split('?')[1]);
    later.set('e', String(Number(later.get('e')) + 3600));
    expect(reason(await raw(`${audioPath}?${later.toString()}`))).toBe('bad_signature');

    const stranger = await raw(signPath(sessionKeys('not-a-session-of-this-host'), audioPath, clock));
    expect([stranger.status, reason(stranger)]).toEqual([401, 'unknown_session']);
  });

  it('expire unused, and stay good while a player keeps using them', async () => {
    const keys = sessionKeys(await signIn());
    const unused = signPath(keys, audioPath, clock);
    const playing = signPath(keys, audioPath, clock - 1000); // a second older: another URL
    expect((await raw(playing, { Range: 'bytes=0-1' })).status).toBe(206);

    clock += signedUrlLifetimeMs + 60_000;
    const expired = await raw(unused);
    expect([expired.status, reason(expired)]).toEqual([403, 'expired']);
    // Seeking an hour into the speech, then again after a long pause: each request renews it.
    expect((await raw(playing, { Range: 'bytes=8-9' })).status).toBe(206);
    clock += signedUrlIdleMs - 60_000;
    expect((await raw(playing, { Range: 'bytes=10-11' })).status).toBe(206);
    clock += signedUrlIdleMs + 60_000;
    expect(reason(await raw(playing))).toBe('expired');
  });

  it('stream events to a signed URL as Server-Sent Events, and to nothing else', async () => {
    const keys = sessionKeys(await signIn());
    expect(reason(await raw('/api/events'))).toBe('no_session');
    const controller = new AbortController();
    const response = await fetch(`${host.origin}${signPath(keys, '/api/events', clock)}`, {
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

describe('the renderer files', () => {
  it('are served without a session, with the strict CSP, to this host name only', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(String(page.headers['content-security-policy'])).toContain("script-src 'self'");
    expect(page.headers['x-content-type-options']).toBe('nosniff');
    expect((await raw('/', { Host: `evil.example:${host.port}` })).status).toBe(421);
  });

  it('come from the renderer folder and nothing outside it', async () => {
    expect((await raw('/assets/app.js')).body.toString()).toBe('console.log(1)');
    for (const path of [
      '/../secret.txt',
      '/%2e%2e/secret.txt',
      '/assets/..%2f..%2fsecret.txt',
      '/%2e%2e%5csecret.txt',
    ]) {
      const response = await raw(path);
      expect(response.body.toString()).not.toContain('private');
    }
  });
});

describe('the port', () => {
  it('is kept: a taken port is an error naming it, never a silent move to another', async () => {
    const other = createServer();
    await new Promise<void>((resolve) => other.listen(0, '127.0.0.1', resolve));
    const taken = (other.address() as AddressInfo).port;
    try {
      const starting = startWebHost({
        rendererDir: join(root, 'renderer'),
        dispatch: createDispatcher(contract, { ping: () => 'pong' as const }, () => {}),
        subscribe: () => () => {},
        port: taken,
      });
      await expect(starting).rejects.toBeInstanceOf(PortInUseError);
      await expect(starting).rejects.toThrow(new RegExp(`Port ${taken} .*--port`));
    } finally {
      other.close();
    }
  });
});
