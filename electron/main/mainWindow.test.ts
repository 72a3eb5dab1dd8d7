// Reads what the app really passes to Electron and fails if any security setting regresses:
// isolation, sandbox, no Node in the page, no new windows, no navigation away, few permissions, CSP.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../common/contentSecurityPolicy';

const created: { options: Record<string, unknown>; contents: FakeContents }[] = [];

class FakeContents {
  handlers = new Map<string, (...args: unknown[]) => void>();
  windowOpenHandler?: (details: { url: string }) => { action: string };
  permissionRequest?: (
    contents: unknown,
    permission: string,
    callback: (granted: boolean) => void,
    details: Record<string, unknown>,
  ) => void;
  permissionCheck?: (
    contents: unknown,
    permission: string,
    origin: string,
    details: Record<string, unknown>,
  ) => boolean;
  session = {
    setPermissionRequestHandler: (handler: FakeContents['permissionRequest']) =>
      (this.permissionRequest = handler),
    setPermissionCheckHandler: (handler: FakeContents['permissionCheck']) => (this.permissionCheck = handler),
  };
  on(event: string, handler: (...args: unknown[]) => void) {
    this.handlers.set(event, handler);
  }
  setWindowOpenHandler(handler: FakeContents['windowOpenHandler']) {
    this.windowOpenHandler = handler;
  }
}

const openExternal = vi.fn();

vi.mock('electron', () => ({
  shell: { openExternal: (url: string) => openExternal(url) },
  BrowserWindow: class {
    webContents = new FakeContents();
    constructor(options: Record<string, unknown>) {
      created.push({ options, contents: this.webContents });
    }
    once() {}
    on() {}
    maximize() {}
    loadURL() {
      return Promise.resolve();
    }
  },
}));

const { createMainWindow } = await import('./mainWindow');
const { CameraAllowance } = await import('./permissions');

function openWindow(camera = new CameraAllowance()) {
  createMainWindow({
    preloadPath: '/app/preload/index.cjs',
    startUrl: 'app://lectern/index.html',
    bounds: undefined,
    onClose: () => {},
    camera,
  });
  return created.at(-1)!;
}

function navigationBlocked(contents: FakeContents, event: string, url: string): boolean {
  const preventDefault = vi.fn();
  contents.handlers.get(event)!({ preventDefault }, url);
  return preventDefault.mock.calls.length > 0;
}

describe('main window security', () => {
  beforeEach(() => openExternal.mockClear());

  it('isolates and sandboxes the page with no Node integration', () => {
    const prefs = openWindow().options['webPreferences'] as Record<string, unknown>;
    expect(prefs).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      preload: '/app/preload/index.cjs',
    });
  });

  it('never opens a new window; web links go to the system browser', () => {
    const { contents } = openWindow();
    expect(contents.windowOpenHandler!({ url: 'https://syncthing.net/' })).toEqual({ action: 'deny' });
    expect(contents.windowOpenHandler!({ url: 'file:///etc/passwd' })).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledTimes(1);
    expect(openExternal).toHaveBeenCalledWith('https://syncthing.net/');
  });

  it('blocks navigation and redirects away from the app, and webviews', () => {
    const { contents } = openWindow();
    for (const event of ['will-navigate', 'will-redirect']) {
      expect(navigationBlocked(contents, event, 'https://evil.example/')).toBe(true);
      expect(navigationBlocked(contents, event, 'file:///etc/passwd')).toBe(true);
      expect(navigationBlocked(contents, event, 'app://lectern/index.html#/record')).toBe(false);
    }
    const preventDefault = vi.fn();
    contents.handlers.get('will-attach-webview')!({ preventDefault });
    expect(preventDefault).toHaveBeenCalled();
  });

  it('grants the microphone to the app only, never the camera, and nothing else it does not need', () => {
    const { contents } = openWindow();
    const ask = (url: string, permission: string, details: Record<string, unknown> = {}) =>
      new Promise<boolean>((resolve) =>
        contents.permissionRequest!({ getURL: () => url }, permission, resolve, {
          requestingUrl: url,
          isMainFrame: true,
          ...details,
        }),
      );
    const app = 'app://lectern/index.html';
    return Promise.all([
      expect(ask(app, 'media', { mediaTypes: ['audio'] })).resolves.toBe(true),
      expect(ask(app, 'media', { mediaTypes: ['video'] })).resolves.toBe(false),
      expect(ask(app, 'media', { mediaTypes: ['audio', 'video'] })).resolves.toBe(false),
      expect(
        ask(app, 'media', { mediaTypes: ['audio'], requestingUrl: 'https://evil.example/' }),
      ).resolves.toBe(false),
      expect(ask('https://evil.example/', 'media', { mediaTypes: ['audio'] })).resolves.toBe(false),
      expect(ask(app, 'notifications')).resolves.toBe(true),
      expect(ask(app, 'geolocation')).resolves.toBe(false),
      expect(ask(app, 'openExternal')).resolves.toBe(false),
    ]).then(() => {
      const check = (permission: string, details: Record<string, unknown>) =>
        contents.permissionCheck!(null, permission, 'app://lectern', { isMainFrame: true, ...details });
      expect(check('media', { mediaType: 'audio' })).toBe(true);
      expect(check('media', { mediaType: 'video' })).toBe(true); // the cameras' names, for the picker
      expect(check('media', { mediaType: 'video', requestingUrl: 'https://evil.example/' })).toBe(false);
      expect(check('media', { mediaType: 'unknown' })).toBe(false);
      expect(check('media', { mediaType: 'audio', requestingUrl: 'https://evil.example/' })).toBe(false);
      expect(check('hid', {})).toBe(false);
    });
  });

  it('lets the camera through once after a video recording armed it, to the app only', async () => {
    const camera = new CameraAllowance();
    const { contents } = openWindow(camera);
    const ask = (url: string, mediaTypes: string[]) =>
      new Promise<boolean>((resolve) =>
        contents.permissionRequest!({ getURL: () => url }, 'media', resolve, {
          requestingUrl: url,
          isMainFrame: true,
          mediaTypes,
        }),
      );
    camera.arm();
    expect(await ask('https://evil.example/', ['video'])).toBe(false);
    expect(await ask('app://lectern/index.html', ['video'])).toBe(true);
    expect(await ask('app://lectern/index.html', ['video'])).toBe(false);
  });
});

describe('content security policy', () => {
  const directives = Object.fromEntries(
    contentSecurityPolicy.split(';').map((d) => {
      const [name, ...values] = d.trim().split(/\s+/);
      return [name, values];
    }),
  );

  it('allows only the app itself to run code: no inline scripts, no eval, no remote hosts', () => {
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('forbids plugins, framing, form posts and base rewriting', () => {
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['form-action']).toEqual(["'none'"]);
    expect(directives['base-uri']).toEqual(["'none'"]);
  });
});
