// The composition root of the desktop app: wires the plain services to Electron's window, menu,
// protocol and IPC. The window opens at once and the services start behind it (calls wait for them;
// groups sync in the background). A start that fails, or a page that keeps crashing, gets a dialog
// that says what to do. Nothing else in electron/services knows it runs inside Electron.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, shell } from 'electron';
import type { Events, UiLanguage } from '../../shared/api/contract';
import { contract } from '../../shared/api/contract';
import { createDispatcher, type Dispatch } from '../../shared/api/dispatcher';
import { EventHub } from '../../shared/api/eventHub';
import { translate } from '../../shared/i18n/translate';
import { FileLog, logUnexpected } from '../services/appLog';
import { NoticeBoard } from '../services/appNotices';
import { createAppHandlers, type HostPorts } from '../services/appHandlers';
import { createAppServices, type AppServices } from '../services/appServices';
import { HostSettingsStore, type HostSettings } from '../services/hostSettings';
import { createHostHandlers, hostContract, hostMethods } from '../services/hostHandlers';
import { buildAppMenu } from './appMenu';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { isAppUrl, rendererStartUrl } from './appUrl';
import { dataDirArgument, relaunchArguments } from './dataDirArgument';
import { forwardEvents, registerIpcTransport } from './ipcTransport';
import {
  crashChoice,
  osLanguage,
  repeatedCrashDialog,
  startupChoice,
  startupFailureDialog,
  type MessageBoxContent,
} from './lifecycleDialogs';
import { createMainWindow } from './mainWindow';
import { CameraAllowance } from './permissions';
import { createSafeStorageSealer } from './safeStorageSealer';
import { afterRendererGone } from './rendererCrashes';
import { startingDispatch } from './startingDispatch';

useDataDirArgument();
registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void startApp();
}

/** `--data-dir=<folder>` moves everything (services and Chromium's storage): before anything reads it. */
function useDataDirArgument(): void {
  const dataDir = dataDirArgument(process.argv);
  if (!dataDir) return;
  try {
    mkdirSync(dataDir, { recursive: true });
    app.setPath('userData', dataDir);
  } catch (error) {
    console.error(`[lectern] cannot use --data-dir ${dataDir}:`, error);
  }
}

async function startApp(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const log = new FileLog(app.getPath('logs'));
  log.captureConsole();
  log.catchUncaught();
  // The data folder may be unreadable: its settings (the member's language) are a bonus, not a need.
  const saved: HostSettings = await new HostSettingsStore(dataDir).read().catch(() => ({}));
  const osUiLanguage = osLanguage([...app.getPreferredSystemLanguages(), app.getLocale()]);
  let uiLanguage: UiLanguage = saved.uiLanguage ?? osUiLanguage;
  const startUrl = rendererStartUrl(app.isPackaged, process.env);
  const events = new EventHub<Events>();
  const notices = new NoticeBoard(() => events.publish('app.notice', {}));
  let mainWindow: BrowserWindow | undefined;
  let pendingSave: Promise<unknown> = Promise.resolve();
  let crashes: readonly number[] = [];
  const camera = new CameraAllowance();

  const applyMenu = (language: UiLanguage) => {
    uiLanguage = language;
    Menu.setApplicationMenu(
      buildAppMenu(language, (screen) => events.publish('app.command', { command: 'navigate', screen })),
    );
  };
  const showMessage = (content: MessageBoxContent) =>
    mainWindow && !mainWindow.isDestroyed()
      ? dialog.showMessageBox(mainWindow, content)
      : dialog.showMessageBox(content);

  const ports: HostPorts = {
    version: app.getVersion(),
    dataDir,
    osLocale: app.getLocale(),
    onUiLanguageChanged: applyMenu,
    pickFolder: async ({ title }) => {
      const options = {
        properties: ['openDirectory' as const, 'createDirectory' as const],
        ...(title ? { title } : {}),
      };
      const result = mainWindow
        ? await dialog.showOpenDialog(mainWindow, options)
        : await dialog.showOpenDialog(options);
      return result.canceled || !result.filePaths[0] ? null : { path: result.filePaths[0] };
    },
    log,
    notices,
    openFolder: async (folder) => (await shell.openPath(folder)) === '',
    allowCamera: () => camera.arm(),
  };

  let started!: Promise<{ services: AppServices; dispatch: Dispatch }>;
  const start = () => {
    started = createSafeStorageSealer()
      .then((sealer) => createAppServices(dataDir, events, { kind: 'app', sealer }))
      .then((services) => ({
        services,
        dispatch: createDispatcher(contract, createAppHandlers(ports, services), logUnexpected(log)),
      }));
    started.then(undefined, (thrown: unknown) => {
      log.error('the app could not start', thrown);
      void askAfterFailedStart(thrown);
    });
    return started;
  };

  /** Never a process with no way forward: try again, move to another data folder, or quit. */
  async function askAfterFailedStart(thrown: unknown): Promise<void> {
    const { response } = await showMessage(startupFailureDialog(thrown, dataDir, osUiLanguage));
    switch (startupChoice(response)) {
      case 'retry':
        start().then(
          () => mainWindow?.webContents.reload(),
          () => undefined, // start() asks again
        );
        return;
      case 'chooseFolder': {
        const picked = await dialog.showOpenDialog({
          title: translate(osUiLanguage, 'desktop.chooseFolderTitle'),
          properties: ['openDirectory', 'createDirectory'],
        });
        const folder = picked.canceled ? undefined : picked.filePaths[0];
        if (!folder) return askAfterFailedStart(thrown);
        app.relaunch({ args: relaunchArguments(process.argv, folder) });
        app.exit(0);
        return;
      }
      case 'quit':
        app.quit();
    }
  }

  /** A crashed page is reloaded and told; one that keeps crashing is not reloaded without asking. */
  async function onRendererGone(window: BrowserWindow, reason: string, exitCode: number): Promise<void> {
    const decision = afterRendererGone(crashes, reason, Date.now());
    crashes = decision.recent;
    if (decision.action === 'ignore' || window.isDestroyed()) return;
    log.error(`the window's page stopped unexpectedly (${reason}, exit code ${exitCode})`);
    if (decision.action === 'ask') {
      const { response } = await dialog.showMessageBox(window, repeatedCrashDialog(log.folder, uiLanguage));
      if (crashChoice(response) === 'quit') return app.quit();
      crashes = [];
    }
    notices.post('windowReloaded');
    if (!window.isDestroyed()) window.webContents.reload();
  }

  start();
  const hostDispatch = createDispatcher(hostContract, createHostHandlers(ports), logUnexpected(log));
  registerIpcTransport(
    ipcMain,
    startingDispatch(() => started.then((s) => s.dispatch), { dispatch: hostDispatch, methods: hostMethods }),
    (url) => isAppUrl(url, startUrl),
  );
  forwardEvents(
    (listener) => events.subscribe(listener),
    () => mainWindow?.webContents,
  );
  serveRenderer(join(import.meta.dirname, '../renderer'), (urlPath) =>
    started.then(
      ({ services }) => services.resolveMedia(urlPath),
      () => undefined,
    ),
  );
  applyMenu(uiLanguage);

  const openWindow = () => {
    const window = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      startUrl,
      bounds: saved.window,
      camera,
      // Only a started app writes to its data folder (a failed start may mean another process owns it).
      onClose: (bounds) =>
        (pendingSave = started
          .then(({ services }) => services.settings.update({ window: bounds }))
          .catch(() => undefined)),
    });
    window.webContents.on(
      'render-process-gone',
      (_event, details) => void onRendererGone(window, details.reason, details.exitCode),
    );
    mainWindow = window;
  };
  openWindow();

  app.on('second-instance', () => {
    if (!mainWindow || mainWindow.isDestroyed()) return openWindow();
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.focus();
  });
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) openWindow();
  });
  app.on('window-all-closed', () => {
    // Let the window bounds reach the disk before the process ends.
    if (process.platform !== 'darwin') void pendingSave.finally(() => app.quit());
  });
  // Stop the groups' watchers and give the data folder back before the process ends (the lock's own
  // exit hook is only the fallback for a process that dies).
  let released = false;
  app.on('will-quit', (event) => {
    if (released) return;
    event.preventDefault();
    released = true;
    void pendingSave
      .then(() => started)
      .then(({ services }) => services.release())
      .catch(() => undefined)
      .finally(() => app.quit());
  });
}
