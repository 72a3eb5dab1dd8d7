// The loopback HTTP transport: serves the built renderer and answers the same contract as Electron's
// IPC through the same dispatcher. Listens on 127.0.0.1 only. The process owner hands out one-time
// entry addresses; each opens one tab's session, whose secret travels in a header (never a cookie, which
// a browser would also send to every other server on 127.0.0.1) and signs the media and events URLs.
// A Host/Origin check keeps other local pages and DNS rebinding out. The renderer's files need no key.
// An import's bytes arrive in one streamed PUT (uploadRoute.ts), authenticated as /api/ calls are.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Dispatch } from '../../shared/api/dispatcher';
import { LecternError } from '../../shared/api/errors';
import type { CallResult } from '../../shared/api/result';
import { authenticateHeader, sessionFragmentKey, sessionHeader } from '../../shared/api/webSession';
import type { AuthFailure } from '../../shared/api/webSession';
import { decodeWire, encodeWire, wireContentType } from '../../shared/api/wire';
import { contentSecurityPolicy } from '../common/contentSecurityPolicy';
import { mediaResponse, type MediaResolver } from '../common/mediaResponse';
import { readStaticFile } from '../common/staticFiles';
import { HostSessions, type AuthResult } from './hostSessions';
import { receiveUpload, uploadPrefix, type SpeechUploader } from './uploadRoute';

export const maxRequestBytes = 64 * 1024 * 1024;

export interface WebHostOptions {
  rendererDir: string;
  dispatch: Dispatch;
  subscribe(listener: (event: string, payload: unknown) => void): () => void;
  resolveMedia?: MediaResolver;
  /** Writes an import's streamed bytes into its speech; absent, uploads are not found. */
  uploadSpeech?: SpeechUploader;
  /** Told of an upload's unexpected failure (to log it in main; the tab gets `internal`). */
  onUnexpected?: (thrown: unknown, what: string) => void;
  /**
   * The port to listen on, 0 or absent for any free one. A given port must be free: the browser keeps a
   * profile and journal per origin, so moving to another port would seem to lose them.
   */
  port?: number;
  /** The clock signed URLs expire by. */
  now?: () => number;
}

export interface WebHost {
  /** A new one-time address: opening it signs one browser tab in. Each works once. */
  newEntryUrl(): string;
  origin: string;
  port: number;
  close(): Promise<void>;
}

/** The remembered (or asked-for) port is taken: the host will not move, because the origin would change. */
export class PortInUseError extends Error {
  constructor(readonly port: number) {
    super(
      `Port ${port} on 127.0.0.1 is already in use, probably by another Lectern. Close the other Lectern, ` +
        `or start this one with --port <another port> (the browser keeps your profile and journal per ` +
        `port, so on another port they start empty).`,
    );
    this.name = 'PortInUseError';
  }
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const sessions = new HostSessions(options.now ?? Date.now);
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
    if (request.method === 'GET' && url.searchParams.has('token'))
      return signIn(url.searchParams.get('token') ?? '', response);

    if (url.pathname.startsWith('/api/')) {
      if (url.pathname === '/api/events' && request.method === 'GET') {
        const auth = sessions.checkSignedUrl(url.pathname, url.searchParams);
        return auth.ok ? streamEvents(request, response) : refuse(response, auth);
      }
      if (!checkCaller(request, response)) return;
      // Lets a tab ask whether its session still stands (after its event stream broke).
      if (url.pathname === '/api/session' && request.method === 'GET')
        return send(response, 204, 'text/plain', '');
      if (request.method !== 'POST') return send(response, 405, 'text/plain', 'Use POST');
      const result = await callMethod(decodeURIComponent(url.pathname.slice('/api/'.length)), request);
      return send(response, 200, wireContentType, Buffer.from(encodeWire(result)));
    }
    if (url.pathname.startsWith(uploadPrefix)) {
      if (!checkCaller(request, response)) return;
      if (request.method !== 'PUT') return send(response, 405, 'text/plain', 'Use PUT');
      return upload(url.pathname, request, response);
    }
    if (request.method !== 'GET' && request.method !== 'HEAD')
      return send(response, 405, 'text/plain', 'Method not allowed');
    if (url.pathname.startsWith('/media/')) {
      const auth = sessions.checkSignedUrl(url.pathname, url.searchParams);
      return auth.ok ? serveMedia(url.pathname, request, response) : refuse(response, auth);
    }
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(response, 404, 'text/plain', 'Not found');
    return send(response, 200, file.contentType, file.body);
  }

  /** An /api/ call or an upload: from this origin, with this tab's session secret in its header. */
  function checkCaller(request: IncomingMessage, response: ServerResponse): boolean {
    const requestOrigin = request.headers.origin;
    if (requestOrigin !== undefined && requestOrigin !== origin) {
      send(response, 403, 'text/plain', 'Wrong origin');
      return false;
    }
    const auth = sessions.checkSecret(headerValue(request.headers[sessionHeader.toLowerCase()]));
    if (!auth.ok) refuse(response, auth);
    return auth.ok;
  }

  async function upload(path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    const { status, result } = await receiveUpload(path, request, options.uploadSpeech, (thrown) =>
      options.onUnexpected?.(thrown, 'upload'),
    );
    // A body refused before it was read whole is not read on: the connection closes instead.
    if (!request.complete) response.shouldKeepAlive = false;
    send(response, status, wireContentType, Buffer.from(encodeWire(result)));
  }

  /** Spends the entry token and hands the tab its session in the fragment, which no server ever sees. */
  function signIn(token: string, response: ServerResponse): void {
    const secret = sessions.redeem(token);
    if (!secret) return refuse(response, { ok: false, reason: 'invalid_token' });
    response.writeHead(303, {
      ...securityHeaders,
      Location: `/#${sessionFragmentKey}=${secret}`,
      'Cache-Control': 'no-store',
    });
    response.end();
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
    response.writeHead(answer.status, { ...answer.headers, ...securityHeaders });
    if (!answer.body || request.method === 'HEAD') {
      answer.body?.destroy();
      return void response.end();
    }
    answer.body.pipe(response);
    response.on('close', () => answer.body?.destroy());
  }

  function streamEvents(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      ...securityHeaders,
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
    newEntryUrl: () => `${origin}/?token=${sessions.newEntryToken()}`,
    origin,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function listen(server: ReturnType<typeof createServer>, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new PortInUseError(port) : error),
    );
    server.listen(port, '127.0.0.1', () => resolve((server.address() as AddressInfo).port));
  });
}

function isOwnHost(host: string | undefined, origin: string): boolean {
  const port = new URL(origin).port;
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function headerValue(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
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
    ...securityHeaders,
    'Content-Type': contentType,
    'Cache-Control': 'no-store',
  });
  response.end(body);
}

const refusals: Record<AuthFailure, { status: 401 | 403; text: string }> = {
  no_session: {
    status: 401,
    text:
      'Lectern: this tab is not signed in. Open an address that `npm run web` printed (press Enter in its terminal for a new one).\n' +
      'Lectern（讲台）：这个标签页还没有登录。请打开 `npm run web` 打印的地址（在它的终端里按回车可以得到新的地址）。\n',
  },
  unknown_session: {
    status: 401,
    text:
      'Lectern was restarted: open the new address printed by `npm run web`.\n' +
      'Lectern（讲台）已经重新启动：请打开 `npm run web` 新打印的地址。\n',
  },
  invalid_token: {
    status: 401,
    text:
      'Lectern: this address was used already (each works once) or belongs to an earlier run. Press Enter in the terminal running `npm run web` for a new one.\n' +
      'Lectern（讲台）：这个地址已经用过（每个地址只能用一次），或者属于之前的一次运行。请在运行 `npm run web` 的终端里按回车，得到新的地址。\n',
  },
  bad_signature: { status: 403, text: 'Lectern: this link is not valid.\n' },
  expired: { status: 403, text: 'Lectern: this link has expired. Open it again from the app.\n' },
};

/** The reason goes in `WWW-Authenticate`, so a tab can tell "host restarted" from "never signed in". */
function refuse(response: ServerResponse, auth: Extract<AuthResult, { ok: false }>): void {
  const { status, text } = refusals[auth.reason];
  response.writeHead(status, {
    ...securityHeaders,
    'Content-Type': 'text/plain; charset=utf-8',
    'Cache-Control': 'no-store',
    'WWW-Authenticate': authenticateHeader(auth.reason),
  });
  response.end(text);
}
