// Wires the main-process services to the web host: the browser counterpart of electron/main/index.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Events } from '../../shared/api/contract';
import { contract } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatcher';
import { EventHub } from '../../shared/api/eventHub';
import { FileLog, logUnexpected } from '../services/appLog';
import { NoticeBoard } from '../services/appNotices';
import { createAppHandlers } from '../services/appHandlers';
import { createAppServices } from '../services/appServices';
import { startWebHost, type WebHost } from './webHost';

export interface LocalHostOptions {
  dataDir: string;
  rendererDir: string;
  port?: number;
}

export async function startLocalHost(options: LocalHostOptions): Promise<WebHost> {
  const events = new EventHub<Events>();
  // The desktop app logs to the OS's logs folder; the web host to its data folder.
  const log = new FileLog(join(options.dataDir, 'logs'));
  const services = await createAppServices(options.dataDir, events, { kind: 'web' }).catch(
    (error: unknown) => {
      log.error('the web host could not start', error);
      throw error;
    },
  );
  const { settings } = services;
  const handlers = createAppHandlers(
    {
      version: packageVersion(),
      dataDir: options.dataDir,
      osLocale: Intl.DateTimeFormat().resolvedOptions().locale,
      onUiLanguageChanged: () => {},
      // The browser grants or asks for the camera itself.
      allowCamera: () => {},
      log,
      notices: new NoticeBoard(() => events.publish('app.notice', {})),
    },
    services,
  );
  const dispatch = createDispatcher(contract, handlers, logUnexpected(log));
  const port = options.port ?? (await settings.read()).webPort ?? 0;
  const host = await startWebHost({
    rendererDir: options.rendererDir,
    dispatch,
    subscribe: (listener) => events.subscribe(listener),
    resolveMedia: services.resolveMedia,
    uploadSpeech: (speechId, body, bytes) => services.speeches.appendStream(speechId, body, bytes),
    onUnexpected: logUnexpected(log),
    port,
  }).catch(async (error: unknown) => {
    await services.release();
    throw error;
  });
  // Closing the host frees the data folder (its lock) for the next process.
  const closeServer = host.close.bind(host);
  host.close = async () => {
    await closeServer();
    await services.release();
  };
  await settings.update({ webPort: host.port });
  return host;
}

function packageVersion(): string {
  const path = join(import.meta.dirname, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
