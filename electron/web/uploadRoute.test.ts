// The web host's import upload (PUT /upload/speeches/<id>) against a real SpeechStore: only the tab's
// session gets in, a body too large or shorter than it said leaves nothing behind, and what arrives
// whole is on disk byte for byte, with the hash finish keeps.
import { createHash } from 'node:crypto';
import { readFile, stat, mkdtemp } from 'node:fs/promises';
import { request } from 'node:http';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createDispatcher } from '../../shared/api/dispatcher';
import type { CallResult } from '../../shared/api/result';
import { sessionFragmentKey, sessionHeader } from '../../shared/api/webSession';
import { decodeWire } from '../../shared/api/wire';
import { SpeechStore } from '../services/speeches/speechStore';
import { startWebHost, type WebHost } from './webHost';

const mp3 = await readFile(join(import.meta.dirname, '../../tests/fixtures/phone-en.mp3'));
const sha256 = (bytes: Uint8Array) => createHash('sha256').update(bytes).digest('hex');
let host: WebHost;
let root: string;
let store: SpeechStore;

beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'lectern-upload-'));
  store = new SpeechStore(join(root, 'speeches'));
  const contract = { ping: { input: z.object({}), output: z.literal('pong') } };
  host = await startWebHost({
    rendererDir: join(root, 'renderer'),
    dispatch: createDispatcher(contract, { ping: () => 'pong' as const }, () => {}),
    subscribe: () => () => {},
    uploadSpeech: (speechId, body, bytes) => store.appendStream(speechId, body, bytes),
  });
});
afterAll(() => host.close());

async function signIn(): Promise<string> {
  const response = await fetch(host.newEntryUrl(), { redirect: 'manual' });
  return new URLSearchParams((response.headers.get('location') ?? '').split('#')[1]).get(sessionFragmentKey)!;
}

async function beginImport() {
  const { speechId } = await store.begin({
    source: 'import',
    mimeType: 'audio/mpeg',
    title: 'phone',
    sampleRate: 44100,
    samplesPerPixel: 441,
  });
  return { speechId, partial: join(root, 'speeches', speechId, 'audio.partial') };
}

function put(path: string, headers: Record<string, string>, body: Uint8Array) {
  return new Promise<{ status: number; headers: Record<string, unknown>; body: Buffer }>(
    (resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: host.port, path, method: 'PUT', headers }, (res) => {
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

const resultOf = (body: Buffer) => decodeWire(new Uint8Array(body)) as CallResult;
const messageKey = (body: Buffer) => {
  const result = resultOf(body);
  return result.ok ? undefined : result.error.messageKey;
};

/** Waits until the store is done with the speech's upload (its calls run one after another). */
const settled = (speechId: string) => store.append(speechId, new Uint8Array());

describe('PUT /upload/speeches/<id>', () => {
  it('writes the body into the speech, byte for byte, and finish keeps the hash taken on the way', async () => {
    const { speechId, partial } = await beginImport();
    const response = await put(`/upload/speeches/${speechId}`, { [sessionHeader]: await signIn() }, mp3);
    expect(response.status).toBe(200);
    expect(resultOf(response.body)).toEqual({ ok: true, value: { audioBytes: mp3.byteLength } });
    expect(sha256(await readFile(partial))).toBe(sha256(mp3));
    const speech = await store.finish(speechId, 3000);
    expect(speech.sha256).toBe(sha256(mp3));
    expect(speech.byteSize).toBe(mp3.byteLength);
  });

  it('refuses a tab without the session, or another origin, keeping nothing', async () => {
    const { speechId, partial } = await beginImport();
    const path = `/upload/speeches/${speechId}`;
    const none = await put(path, {}, mp3);
    expect(none.status).toBe(401);
    expect(none.headers['www-authenticate']).toContain('no_session');
    expect((await put(path, { [sessionHeader]: 'made-up' }, mp3)).status).toBe(401);
    const secret = await signIn();
    expect((await put(path, { [sessionHeader]: secret, Origin: 'http://evil.example' }, mp3)).status).toBe(
      403,
    );
    await settled(speechId);
    expect((await stat(partial)).size).toBe(0);
  });

  it('refuses a body larger than a speech may be before reading it, keeping nothing', async () => {
    const { speechId, partial } = await beginImport();
    const response = await put(
      `/upload/speeches/${speechId}`,
      { [sessionHeader]: await signIn(), 'Content-Length': String(3 * 1024 ** 3) },
      mp3.subarray(0, 1000),
    );
    expect(response.status).toBe(413);
    expect(messageKey(response.body)).toBe('errors.too_large');
    await settled(speechId);
    expect((await stat(partial)).size).toBe(0);
  });

  it('refuses a body shorter than its Content-Length (the tab went away), keeping nothing', async () => {
    const { speechId, partial } = await beginImport();
    const secret = await signIn();
    const socket = connect(host.port, '127.0.0.1');
    await new Promise((done) => socket.once('connect', done));
    socket.write(
      `PUT /upload/speeches/${speechId} HTTP/1.1\r\nHost: 127.0.0.1:${host.port}\r\n` +
        `${sessionHeader}: ${secret}\r\nContent-Length: ${mp3.byteLength}\r\n\r\n`,
    );
    socket.write(mp3.subarray(0, mp3.byteLength / 2));
    await new Promise((done) => setTimeout(done, 50));
    socket.destroy();
    await new Promise((done) => setTimeout(done, 50));
    await settled(speechId);
    expect((await stat(partial)).size).toBe(0);
  });

  it('refuses a body with no length, and a speech that is not an import in progress', async () => {
    const { speechId, partial } = await beginImport();
    const secret = await signIn();
    const chunked = await put(
      `/upload/speeches/${speechId}`,
      { [sessionHeader]: secret, 'Transfer-Encoding': 'chunked' },
      mp3,
    );
    expect(chunked.status).toBe(411);
    const unknown = await put(
      `/upload/speeches/00000000-0000-4000-8000-000000000000`,
      { [sessionHeader]: secret },
      mp3,
    );
    expect(unknown.status).toBe(404);
    expect((await put(`/upload/speeches/..%2f..%2fetc`, { [sessionHeader]: secret }, mp3)).status).toBe(404);
    await settled(speechId);
    expect((await stat(partial)).size).toBe(0);
  });
});
