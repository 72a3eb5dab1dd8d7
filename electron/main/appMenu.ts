// The application menu, in the UI language; its Go items send navigation commands to the page.
import { Menu, type MenuItemConstructorOptions } from 'electron';
import type { Screen, UiLanguage } from '../../shared/api/contract';
import { translate } from '../../shared/i18n/translate';

export function buildAppMenu(language: UiLanguage, navigate: (screen: Screen) => void): Menu {
  const t = (key: string) => translate(language, key);
  const go = (screen: Screen, accelerator: string): MenuItemConstructorOptions => ({
    label: t(`nav.${screen}`),
    accelerator,
    click: () => navigate(screen),
  });
  const template: MenuItemConstructorOptions[] = [
    ...(process.platform === 'darwin' ? [{ role: 'appMenu' as const }] : []),
    {
      label: t('menu.file'),
      submenu: [
        go('settings', 'CmdOrCtrl+,'),
        { type: 'separator' },
        { role: 'quit', label: t('menu.quit') },
      ],
    },
    {
      label: t('menu.edit'),
      submenu: [
        { role: 'undo', label: t('menu.undo') },
        { role: 'redo', label: t('menu.redo') },
        { type: 'separator' },
        { role: 'cut', label: t('menu.cut') },
        { role: 'copy', label: t('menu.copy') },
        { role: 'paste', label: t('menu.paste') },
        { role: 'selectAll', label: t('menu.selectAll') },
      ],
    },
    {
      label: t('menu.go'),
      submenu: [
        go('home', 'CmdOrCtrl+1'),
        go('record', 'CmdOrCtrl+2'),
        go('library', 'CmdOrCtrl+3'),
        go('journal', 'CmdOrCtrl+4'),
        go('group', 'CmdOrCtrl+5'),
      ],
    },
    {
      label: t('menu.view'),
      submenu: [
        { role: 'resetZoom', label: t('menu.resetZoom') },
        { role: 'zoomIn', label: t('menu.zoomIn') },
        { role: 'zoomOut', label: t('menu.zoomOut') },
        { type: 'separator' },
        { role: 'togglefullscreen', label: t('menu.fullscreen') },
      ],
    },
    {
      label: t('menu.window'),
      submenu: [
        { role: 'minimize', label: t('menu.minimize') },
        { role: 'close', label: t('menu.close') },
      ],
    },
  ];
  return Menu.buildFromTemplate(template);
}
