// The desktop app's lifecycle, run with `electron` stood in for: the window opens before the services
// have started (calls wait for them), a failed start gets a dialog with a way forward, and a crashed
// page is reloaded with a notice, unless it keeps crashing. The services are the real ones.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CallResult } from '../../shared/api/result';
import type * as AppServicesModule from '../services/appServices';
import type { AppServices } from '../services/appServices';

type Listener = (...args: unknown[]) => void;

const electron = vi.hoisted(() => {
  const state = {
    paths: {} as Record<string, string>,
    argv: [] as string[],
    windows: [] as FakeWindowShape[],
    onWindow: undefined as ((window: FakeWindowShape) => void) | undefined,
    invoke: undefined as ((event: unknown, name: unknown, input: unknown) => Promise<unknown>) | undefined,
    /** What the member presses in each message box, in order; each box is recorded. */
    responses: [] as number[],
    boxes: [] as { parent: unknown; content: { message: string; buttons: string[] } }[],
    onBox: undefined as (() => void) | undefined,
    picked: [] as string[],
    quit: 0,
    exit: [] as number[],
    relaunch: [] as unknown[],
  };
  interface FakeWindowShape {
    webContents: { handlers: Map<string, (...args: unknown[]) => void>; reloads: number };
  }
  return { state };
});

const services = vi.hoisted(() => ({
  /** Each start waits for this gate (a data folder that takes its time); null = no wait. */
  gate: null as Promise<void> | null,
  /** Thrown by the next start instead of starting. */
  failNext: [] as unknown[],
  starts: 0,
}));

vi.mock('electron', () => {
  const { state } = electron;
  class FakeContents {
    handlers = new Map<string, Listener>();
    reloads = 0;
    session = { setPermissionRequestHandler() {}, setPermissionCheckHandler() {} };
    on(event: string, handler: Listener) {
      this.handlers.set(event, handler);
    }
    setWindowOpenHandler() {}
    isDestroyed() {
      return false;
    }
    send() {}
    reload() {
      this.reloads++;
    }
  }
  class BrowserWindow {
    static getAllWindows = () => state.windows;
    webContents = new FakeContents();
    constructor() {
      state.windows.push(this);
      state.onWindow?.(this);
    }
    once() {}
    on() {}
    maximize() {}
    isDestroyed() {
      return false;
    }
    loadURL() {
      return Promise.resolve();
    }
  }
  const showMessageBox = async (...args: unknown[]) => {
    const [parent, content] = args.length === 2 ? args : [undefined, args[0]];
    state.boxes.push({ parent, content: content as { message: string; buttons: string[] } });
    state.onBox?.();
    return { response: state.responses.shift() ?? 0, checkboxChecked: false };
  };
  return {
    app: {
      whenReady: () => Promise.resolve(),
      getPath: (name: string) => state.paths[name],
      setPath: (name: string, path: string) => (state.paths[name] = path),
      getVersion: () => '0.1.0',
      getLocale: () => 'en-US',
      getPreferredSystemLanguages: () => ['en-US'],
      isPackaged: true,
      requestSingleInstanceLock: () => true,
      on: () => {},
      quit: () => state.quit++,
      exit: (code: number) => state.exit.push(code),
      relaunch: (options: unknown) => state.relaunch.push(options),
    },
    BrowserWindow,
    dialog: {
      showMessageBox,
      showOpenDialog: async () => {
        const path = state.picked.shift();
        return { canceled: path === undefined, filePaths: path ? [path] : [] };
      },
    },
    ipcMain: { handle: (_channel: string, handler: typeof state.invoke) => (state.invoke = handler) },
    Menu: { setApplicationMenu: () => {}, buildFromTemplate: () => ({}) },
    protocol: { registerSchemesAsPrivileged: () => {}, handle: () => {} },
    shell: { openPath: async () => '', openExternal: async () => {} },
  };
});

vi.mock('./safeStorageSealer', () => ({
  createSafeStorageSealer: async () => ({
    name: 'safeStorage',
    available: false,
    seal: async (secret: Uint8Array) => secret,
    unseal: async (sealed: Uint8Array) => sealed,
  }),
}));

vi.mock('../services/appServices', async (importOriginal) => {
  const real = await importOriginal<typeof AppServicesModule>();
  return {
    ...real,
    createAppServices: async (...args: Parameters<typeof real.createAppServices>): Promise<AppServices> => {
      services.starts++;
      if (services.gate) await services.gate;
      const failure = services.failNext.shift();
      if (failure !== undefined) throw failure;
      return real.createAppServices(...args);
    },
  };
});

const { state } = electron;
const appFrame = { senderFrame: { url: 'app://lectern/index.html', parent: null } };
let undo: (() => void)[] = [];

/** Starts the desktop app as `electron .` would, and waits for its window. */
async function launch() {
  const root = await mkdtemp(join(tmpdir(), 'lectern-desktop-'));
  state.paths = { userData: join(root, 'data'), logs: join(root, 'logs') };
  const windowOpened = new Promise<(typeof state.windows)[number]>((resolve) => (state.onWindow = resolve));
  const listeners = {
    exception: process.listeners('uncaughtException'),
    rejection: process.listeners('unhandledRejection'),
  };
  const { error, warn } = console;
  vi.resetModules();
  await import('./index');
  const window = await windowOpened;
  undo.push(() => {
    Object.assign(console, { error, warn });
    for (const l of process.listeners('uncaughtException'))
      if (!listeners.exception.includes(l)) process.off('uncaughtException', l);
    for (const l of process.listeners('unhandledRejection'))
      if (!listeners.rejection.includes(l)) process.off('unhandledRejection', l);
  });
  const call = (name: string, input: unknown = {}) =>
    state.invoke!(appFrame, name, input) as Promise<CallResult>;
  const logText = () => {
    const file = join(state.paths['logs']!, 'lectern.log');
    return existsSync(file) ? readFileSync(file, 'utf8') : '';
  };
  return { window, call, logText };
}

function nextBox(): Promise<void> {
  return new Promise((resolve) => (state.onBox = resolve));
}

afterEach(() => {
  for (const step of undo) step();
  undo = [];
  Object.assign(state, {
    windows: [],
    responses: [],
    boxes: [],
    picked: [],
    quit: 0,
    exit: [],
    relaunch: [],
  });
  Object.assign(services, { gate: null, failNext: [], starts: 0 });
  vi.restoreAllMocks();
});

// Each test imports the whole main process afresh: generous time for that, no timing asserted.
describe('the desktop app', { timeout: 30_000 }, () => {
  it('opens its window before the services have started, and answers calls once they have', async () => {
    let ready!: () => void;
    services.gate = new Promise((resolve) => (ready = resolve));

    const { call } = await launch();

    // The window is there while the data folder is still being opened.
    expect(state.windows).toHaveLength(1);
    expect(services.starts).toBe(1);
    const info = call('app.info');
    // The host's own methods do not wait.
    expect(await call('app.takeNotices')).toEqual({ ok: true, value: { notices: [] } });

    ready();
    expect(await info).toMatchObject({
      ok: true,
      value: { transport: 'ipc', dataDir: state.paths['userData'] },
    });
  });

  it('says what went wrong when it cannot start, and quits when asked', async () => {
    services.failNext.push(new Error('The data folder is in use by Lectern (web host, process 4242).'));
    state.responses.push(2); // Quit
    const asked = nextBox();

    const { window, call, logText } = await launch();
    await asked;

    expect(state.boxes[0]!.parent).toBe(window); // over the window, not a process with nothing shown
    expect(state.boxes[0]!.content.message).toBe('Lectern could not open its data folder.');
    expect(state.boxes[0]!.content.buttons).toEqual(['Try again', 'Choose another data folder…', 'Quit']);
    await vi.waitUntil(() => state.quit > 0);
    expect(await call('speeches.list')).toEqual({
      ok: false,
      error: { code: 'unavailable', messageKey: 'errors.startupFailed' },
    });
    // The renderer's errors still reach the log, beside the reason the start failed.
    expect(await call('app.logError', { kind: 'error', message: 'TypeError: x is undefined' })).toEqual({
      ok: true,
      value: null,
    });
    expect(logText()).toContain('the app could not start: Error: The data folder is in use by Lectern');
    expect(logText()).toContain('renderer error: TypeError: x is undefined');
  });

  it('tries again when asked, and reloads the window once the services are up', async () => {
    services.failNext.push(new Error('EACCES: permission denied'));
    state.responses.push(0); // Try again
    const asked = nextBox();

    const { window, call } = await launch();
    await asked;
    await vi.waitUntil(() => window.webContents.reloads > 0);

    expect(services.starts).toBe(2);
    expect(await call('app.info')).toMatchObject({ ok: true });
  });

  it('relaunches on another data folder when the member chooses one', async () => {
    services.failNext.push(new Error('EACCES: permission denied'));
    state.responses.push(1); // Choose another data folder
    state.picked.push('/media/usb/Lectern');
    const asked = nextBox();

    await launch();
    await asked;
    await vi.waitUntil(() => state.exit.length > 0);

    expect(state.relaunch).toEqual([{ args: expect.arrayContaining(['--data-dir=/media/usb/Lectern']) }]);
    expect(state.exit).toEqual([0]);
  });

  it('reloads a crashed page and tells the member; asks instead when it keeps crashing', async () => {
    const now = vi.spyOn(Date, 'now');
    const { window, call, logText } = await launch();
    const gone = (reason: string, at: number) => {
      now.mockReturnValue(at);
      window.webContents.handlers.get('render-process-gone')!({}, { reason, exitCode: 139 });
    };

    gone('crashed', 1_000_000);
    expect(window.webContents.reloads).toBe(1);
    expect(await call('app.takeNotices')).toEqual({ ok: true, value: { notices: ['windowReloaded'] } });
    expect(await call('app.takeNotices')).toEqual({ ok: true, value: { notices: [] } }); // once only
    expect(logText()).toContain("the window's page stopped unexpectedly (crashed, exit code 139)");

    gone('clean-exit', 1_001_000); // a window closing: not a crash
    expect(window.webContents.reloads).toBe(1);

    gone('oom', 1_010_000);
    expect(window.webContents.reloads).toBe(2);
    state.responses.push(1); // Quit
    const asked = nextBox();
    gone('crashed', 1_020_000);
    await asked;
    expect(state.boxes[0]!.content.message).toContain('stopped unexpectedly several times');
    await vi.waitUntil(() => state.quit > 0);
    expect(window.webContents.reloads).toBe(2);
  });
});
