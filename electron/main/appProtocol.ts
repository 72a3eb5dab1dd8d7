// app://lectern/ serves the built renderer with the CSP header (file:// would carry no headers and
// give the page a null origin).
import { protocol } from 'electron';
import { contentSecurityPolicy } from '../common/contentSecurityPolicy';
import { readStaticFile } from '../common/staticFiles';

export const appScheme = 'app';

/** Must run before the app is ready. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: appScheme, privileges: { standard: true, secure: true, supportFetchAPI: true, stream: true } },
  ]);
}

export function serveRenderer(rendererDir: string): void {
  protocol.handle(appScheme, async (request) => {
    const url = new URL(request.url);
    const file = url.host === 'lectern' ? await readStaticFile(rendererDir, url.pathname) : undefined;
    const headers = { 'Content-Security-Policy': contentSecurityPolicy, 'X-Content-Type-Options': 'nosniff' };
    if (!file) return new Response('Not found', { status: 404, headers });
    return new Response(new Uint8Array(file.body), {
      headers: { ...headers, 'Content-Type': file.contentType },
    });
  });
}
