// The loopback HTTP transport: serves the built renderer and answers the same contract as Electron's
// IPC through the same dispatcher. Listens on 127.0.0.1 only; a per-run token (exchanged once for an
// HttpOnly cookie) and a Host/Origin check keep other local pages and DNS rebinding out.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../shared/api/dispatcher';
import { LecternError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/result';
import { decodeWire, encodeWire, wireContentType } from '../../shared/api/wire';
import { contentSecurityPolicy } from '../common/contentSecurityPolicy';
import { mediaResponse, type MediaResolver } from '../common/mediaResponse';
import { readStaticFile } from '../common/staticFiles';

export const maxRequestBytes = 64 * 1024 * 1024;
const tokenCookie = 'lectern_token';

export interface WebHostOptions {
  rendererDir: string;
  dispatch: Dispatch;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  resolveMedia?: MediaResolver;
  /** Preferred port (the last one, so the origin and its IndexedDB stay the same); 0 for any. */
  port?: number;
}

export interface WebHost {
  /** Open this once: it carries the token and sets the cookie. */
  url: string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = randomBytes(24).toString('hex');
  let origin = '';
  const server = createServer((request, response) => {
    handle(request, response).catch(() => {
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'Internal error');
      else response.end();
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const url = new URL(request.url ?? '/', origin);
    if (!isOwnHost(request.headers.host, origin)) return send(response, 421, 'text/plain', 'Wrong host');
    if (request.method === 'GET' && url.searchParams.has('token')) {
      if (!sameSecret(url.searchParams.get('token') ?? '', token)) return sendLocked(response);
      response.writeHead(303, {
        Location: '/',
        'Set-Cookie': `${tokenCookie}=${token}; HttpOnly; SameSite=Strict; Path=/`,
      });
      return void response.end();
    }
    if (!sameSecret(readCookie(request.headers.cookie, tokenCookie) ?? '', token))
      return sendLocked(response);

    if (url.pathname === '/api/events' && request.method === 'GET') return streamEvents(request, response);
    if (url.pathname.startsWith('/api/')) {
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Use POST');
      const requestOrigin = request.headers.origin;
      if (requestOrigin !== undefined && requestOrigin !== origin)
        return send(response, 403, 'text/plain', 'Wrong origin');
      const result = await callMethod(decodeURIComponent(url.pathname.slice('/api/'.length)), request);
      return send(response, 200, wireContentType, Buffer.from(encodeWire(result)));
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname.startsWith('/media/')) return serveMedia(url.pathname, request, response);
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain', 'Not found');
    return send(response, 200, file.contentType, file.body);
  }

  async function callMethod(name: string, request: IncomingMessage): Promise<CallResult> {
    let input: unknown;
    try {
      input = decodeWire(await readBody(request, maxRequestBytes));
    } catch (error) {
      const tooLarge = error instanceof LecternError;
      return {
        ok: false,
        error: new LecternError('invalid_input', tooLarge ? 'errors.too_large' : 'errors.invalid_input', {
          method: name,
        }).toJSON(),
      };
    }
    return options.dispatch(name, input, { transport: 'http' });
  }

  async function serveMedia(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const media = await options.resolveMedia?.(path);
    if (!media) return send(response, 404, 'text/plain', 'Not found');
    const answer = await mediaResponse(media.path, media.mimeType, request.headers.range);
    response.writeHead(answer.status, { ...answer.headers, 'X-Content-Type-Options': 'nosniff' });
    if (!answer.body || request.method === 'HEAD') {
      answer.body?.destroy();
      return void response.end();
    }
    answer.body.pipe(response);
    response.on('close', () => answer.body?.destroy());
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
    });
    response.write(': connected\n\n');
    const unsubscribe = options.subscribe((event, payload) => {
      response.write(`data: ${JSON.stringify({ event, payload })}\n\n`);
    });
    request.on('close', unsubscribe);
  }

  const port = await listen(server, options.port ?? 0);
  origin = `http://127.0.0.1:${port}`;
  return {
    url: `${origin}/?token=${token}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: ReturnType<typeof createServer>, preferredPort: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const tryPort = (port: number) => {
      server.once('error', (error: NodeJS.ErrnoException) => {
        if (error.code === 'EADDRINUSE' && port !== 0) tryPort(0);
        else reject(error);
      });
      server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
    };
    tryPort(preferredPort);
  });
}

function isOwnHost(host: string | undefined, origin: string): boolean {
  const port = new URL(origin).port;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function sameSecret(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

function readCookie(header: string | undefined, name: string): string | undefined {
  for (const part of (header ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return undefined;
}

async function readBody(request: IncomingMessage, limit: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw new LecternError('invalid_input', 'errors.too_large');
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

function send(response: ServerResponse, status: number, contentType: string, body: string | Buffer): void {
  response.writeHead(status, {
    'Content-Type': contentType,
    'Content-Security-Policy': contentSecurityPolicy,
    'X-Content-Type-Options': 'nosniff',
    'Referrer-Policy': 'no-referrer',
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

function sendLocked(response: ServerResponse): void {
  send(
    response,
    401,
    'text/plain; charset=utf-8',
    "Lectern: open the address that `npm run web` printed (it carries this run's key).\n" +
      'Lectern（讲台）：请打开 `npm run web` 打印的地址（其中带有本次运行的密钥）。\n',
  );
}
