// Which pages are the app's own, and which one the window starts on. No `electron` import, so the
// rules are tested as plain functions.

export const appOrigin = 'app://lectern';

/** True for the app's own pages (and the dev server while developing). */
export function isAppUrl(url: string, startUrl: string): boolean {
  // Compare scheme and host, not `origin`: Node gives every non-web scheme (app:, file:) the same
  // opaque origin "null", which would let file:// pass as the app.
  try {
    const candidate = new URL(url);
    const app = new URL(startUrl);
    return candidate.protocol === app.protocol && candidate.host === app.host && app.host !== '';
  } catch {
    return false;
  }
}

/**
 * The page the window opens. electron-vite's dev server (ELECTRON_RENDERER_URL) counts only in an
 * unpackaged run, and only on this computer: in an installed app the variable is someone else's
 * way of loading a page of their choosing with the app's preload and permissions.
 */
export function rendererStartUrl(
  isPackaged: boolean,
  env: Readonly<Record<string, string | undefined>>,
): string {
  const devServer = env['ELECTRON_RENDERER_URL'];
  if (!isPackaged && devServer !== undefined && isLoopbackHttp(devServer)) return devServer;
  return `${appOrigin}/index.html`;
}

function isLoopbackHttp(url: string): boolean {
  try {
    const { protocol, hostname } = new URL(url);
    return protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname);
  } catch {
    return false;
  }
}
