// The one window, locked down: isolated, sandboxed, no Node in the page, no new windows, no navigation
// away from the app, and only the microphone and notifications among permissions (the camera once, when
// a video recording arms it).
import { BrowserWindow, shell, type BrowserWindowConstructorOptions, type WebContents } from 'electron';
import type { WindowBounds } from '../services/hostSettings';
import { isAppUrl } from './appUrl';
import type { CameraAllowance } from './permissions';

export { appOrigin, isAppUrl } from './appUrl';

export interface MainWindowOptions {
  preloadPath: string;
  startUrl: string;
  bounds: WindowBounds | undefined;
  onClose(bounds: WindowBounds): void;
  /** Armed by record.allowCamera; the permission handlers grant the camera through it alone. */
  camera: CameraAllowance;
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
  lockDownContents(window.webContents, options.startUrl, options.camera);
  window.once('ready-to-show', () => window.show());
  window.on('close', () => {
    options.onClose({ ...window.getNormalBounds(), maximized: window.isMaximized() });
  });
  void window.loadURL(options.startUrl);
  return window;
}

export function lockDownContents(contents: WebContents, startUrl: string, camera: CameraAllowance): void {
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
  const isApp = (url: string) => isAppUrl(url, startUrl);
  session.setPermissionRequestHandler((requester, permission, callback, details) => {
    const mediaTypes = 'mediaTypes' in details ? (details.mediaTypes ?? []) : [];
    callback(
      camera.request({ permission, urls: [requester.getURL(), details.requestingUrl], mediaTypes }, isApp),
    );
  });
  session.setPermissionCheckHandler((_contents, permission, requestingOrigin, details) => {
    const urls = details.requestingUrl ? [requestingOrigin, details.requestingUrl] : [requestingOrigin];
    const mediaTypes = details.mediaType ? [details.mediaType] : [];
    return camera.check({ permission, urls, mediaTypes }, isApp);
  });
}
