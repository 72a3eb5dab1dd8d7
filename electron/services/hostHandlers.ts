// The handlers that need only the host, not the data folder's services: the log and main's notices.
// The desktop app answers them even while its services start, or when they could not.
import { mkdir } from 'node:fs/promises';
import { contract, type Contract } from '../../shared/api/contract';
import type { Handlers } from '../../shared/api/contractTypes';
import type { AppLog } from './appLog';
import type { NoticeBoard } from './appNotices';

export const hostMethods = ['app.logError', 'app.openLogsFolder', 'app.takeNotices'] as const;
export type HostMethod = (typeof hostMethods)[number];
export const hostContract = Object.fromEntries(hostMethods.map((name) => [name, contract[name]])) as Pick<
  Contract,
  HostMethod
>;

export interface HostLogPorts {
  log: AppLog;
  notices: NoticeBoard;
  /** Electron: the system's file manager (shell.openPath). Left out (web host), the page shows the path. */
  openFolder?: (folder: string) => Promise<boolean>;
}

export function createHostHandlers(ports: HostLogPorts): Pick<Handlers<Contract>, HostMethod> {
  return {
    'app.logError': ({ kind, message, stack }) => {
      ports.log.error(`renderer ${kind}: ${message}${stack ? `\n${stack}` : ''}`);
      return null;
    },
    'app.openLogsFolder': async () => {
      const folder = ports.log.folder;
      await mkdir(folder, { recursive: true });
      const opened = ports.openFolder ? await ports.openFolder(folder).catch(() => false) : false;
      return { opened, folder };
    },
    'app.takeNotices': () => ({ notices: ports.notices.take() }),
  };
}
