// The one window, locked down: isolated, sandboxed, no Node in the page, no new windows, no navigation
// away from the app, and only the microphone and notifications among permissions.
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import type { WindowBounds } from '../services/hostSettings';

export const appOrigin = 'app://lectern';

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  bounds: WindowBounds | undefined;
  onClose(bounds: WindowBounds): void;
}

export function secureWebPreferences(preloadPath: string): BrowserWindowConstructorOptions['webPreferences'] {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: false,
  };
}

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

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const window = new BrowserWindow({
    width: options.bounds?.width ?? 1200,
    height: options.bounds?.height ?? 800,
    ...(options.bounds?.x === undefined ? {} : { x: options.bounds.x, y: options.bounds.y }),
    minWidth: 720,
    minHeight: 520,
    show: false,
    title: 'Lectern 讲台',
    webPreferences: secureWebPreferences(options.preloadPath),
  });
  if (options.bounds?.maximized) window.maximize();
  lockDownContents(window.webContents, options.startUrl);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    options.onClose({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(options.startUrl);
  return window;
}

export function lockDownContents(contents: WebContents, startUrl: string): void {
  contents.setWindowOpenHandler(({ url }) => {
    // Links to the web (e.g. Syncthing's site in help text) open in the user's browser, never in-app.
    if (/^https:\/\//.test(url)) void shell.openExternal(url);
    return { action: 'deny' };
  });
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url, startUrl)) event.preventDefault();
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url, startUrl)) event.preventDefault();
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
  const session = contents.session;
  const allowed = new Set(['media', 'notifications', 'clipboard-sanitized-write']);
  session.setPermissionRequestHandler((requester, permission, callback) => {
    callback(allowed.has(permission) && isAppUrl(requester.getURL(), startUrl));
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin) => {
    return allowed.has(permission) && isAppUrl(requestingOrigin, startUrl);
  });
}
