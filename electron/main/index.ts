// The composition root of the desktop app: wires the plain services to Electron's window, menu,
// protocol and IPC. Nothing else in electron/services knows it runs inside Electron.
import { join } from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu } from 'electron';
import type { Events, UiLanguage } from '../../shared/api/contract';
import { contract } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatcher';
import { EventHub } from '../../shared/api/eventHub';
import { createAppHandlers } from '../services/appHandlers';
import { createAppServices } from '../services/appServices';
import { buildAppMenu } from './appMenu';
import { registerAppScheme, serveRenderer } from './appProtocol';
import { forwardEvents, registerIpcTransport } from './ipcTransport';
import { appOrigin, createMainWindow, isAppUrl } from './mainWindow';

registerAppScheme();

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  void startApp();
}

async function startApp(): Promise<void> {
  await app.whenReady();
  const dataDir = app.getPath('userData');
  const events = new EventHub<Events>();
  const services = await createAppServices(dataDir, events);
  const { settings } = services;
  const startUrl = process.env['ELECTRON_RENDERER_URL'] ?? `${appOrigin}/index.html`;
  let mainWindow: BrowserWindow | undefined;
  let pendingSave: Promise<unknown> = Promise.resolve();

  const applyMenu = (language: UiLanguage) =>
    Menu.setApplicationMenu(
      buildAppMenu(language, (screen) => events.publish('app.command', { command: 'navigate', screen })),
    );

  const dispatch = createDispatcher(
    contract,
    createAppHandlers(
      {
        version: app.getVersion(),
        dataDir,
        osLocale: app.getLocale(),
        onUiLanguageChanged: applyMenu,
        pickFolder: async ({ title }) => {
          const options = {
            properties: ['openDirectory', 'createDirectory'] as const,
            ...(title ? { title } : {}),
          };
          const result = mainWindow
            ? await dialog.showOpenDialog(mainWindow, { ...options, properties: [...options.properties] })
            : await dialog.showOpenDialog({ ...options, properties: [...options.properties] });
          return result.canceled || !result.filePaths[0] ? null : { path: result.filePaths[0] };
        },
      },
      services,
    ),
    (thrown, method) => console.error(`[lectern] ${method} failed unexpectedly:`, thrown),
  );
  registerIpcTransport(ipcMain, dispatch, (url) => isAppUrl(url, startUrl));
  forwardEvents(
    (listener) => events.subscribe(listener),
    () => mainWindow?.webContents,
  );
  serveRenderer(join(import.meta.dirname, '../renderer'), services.resolveMedia);

  const saved = await settings.read();
  applyMenu(saved.uiLanguage ?? (app.getLocale().startsWith('zh') ? 'zh-CN' : 'en'));

  const openWindow = () => {
    mainWindow = createMainWindow({
      preloadPath: join(import.meta.dirname, '../preload/index.cjs'),
      startUrl,
      bounds: saved.window,
      onClose: (bounds) => (pendingSave = settings.update({ window: bounds })),
    });
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
}
