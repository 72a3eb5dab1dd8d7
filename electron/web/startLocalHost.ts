// Wires the main-process services to the web host: the browser counterpart of electron/main/index.ts.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Events } from '../../shared/api/contract';
import { contract } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatcher';
import { EventHub } from '../../shared/api/eventHub';
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
  const services = await createAppServices(options.dataDir, events);
  const { settings } = services;
  const handlers = createAppHandlers(
    {
      version: packageVersion(),
      dataDir: options.dataDir,
      osLocale: Intl.DateTimeFormat().resolvedOptions().locale,
      onUiLanguageChanged: () => {},
    },
    services,
  );
  const dispatch = createDispatcher(contract, handlers, (thrown, method) =>
    console.error(`[lectern] ${method} failed unexpectedly:`, thrown),
  );
  const port = options.port ?? (await settings.read()).webPort ?? 0;
  const host = await startWebHost({
    rendererDir: options.rendererDir,
    dispatch,
    subscribe: (listener) => events.subscribe(listener),
    resolveMedia: services.resolveMedia,
    port,
  });
  await settings.update({ webPort: host.port });
  return host;
}

function packageVersion(): string {
  const path = join(import.meta.dirname, '..', '..', 'package.json');
  return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
}
