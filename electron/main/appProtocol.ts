// app://lectern/ serves the built renderer with the CSP header (file:// would carry no headers and
// give the page a null origin).
import { Readable } from 'node:stream';
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../common/contentSecurityPolicy';
import { mediaResponse, type MediaResolver } from '../common/mediaResponse';
import { readStaticFile } from '../common/staticFiles';

export const appScheme = 'app';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function serveRenderer(rendererDir: string, resolveMedia: MediaResolver): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };
    if (url.host === 'lectern' && url.pathname.startsWith('/media/')) {
      // Electron's net.fetch(file://) ignores Range, which breaks seeking: answer Range here.
      const media = await resolveMedia(url.pathname);
      if (!media) return new Response('Not found', { status: 404, headers });
      const answer = await mediaResponse(media.path, media.mimeType, request.headers.get('range'));
      const body = answer.body ? (Readable.toWeb(answer.body) as ReadableStream<Uint8Array>) : null;
      return new Response(body, { status: answer.status, headers: { ...headers, ...answer.headers } });
    }
    const file = url.host === 'lectern' ? await readStaticFile(rendererDir, url.pathname) : undefined;
    if (!file) return new Response('Not found', { status: 404, headers });
    return new Response(new Uint8Array(file.body), {
      headers: { ...headers, 'Content-Type': file.contentType },
    });
  });
}
