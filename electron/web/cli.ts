// `npm run web`: the app in any browser on this computer, over the loopback HTTP host. Each printed
// address signs in one browser tab, once; Enter in this terminal prints another.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { startLocalHost } from './startLocalHost';
import type { WebHost } from './webHost';

async function start(): Promise<WebHost> {
  const { values } = parseArgs({
    options: {
      'data-dir': { type: 'string', default: '.web-data' },
      port: { type: 'string' },
      renderer: { type: 'string', default: 'out/renderer' },
    },
  });
  const port = values.port === undefined ? undefined : Number(values.port);
  if (port !== undefined && !(Number.isInteger(port) && port > 0 && port < 65536))
    throw new Error(`--port must be a port number from 1 to 65535, not "${values.port}".`);
  const dataDir = resolve(values['data-dir']);
  await mkdir(dataDir, { recursive: true });
  const host = await startLocalHost({
    dataDir,
    rendererDir: resolve(values.renderer),
    ...(port === undefined ? {} : { port }),
  });
  console.log(`Lectern is running. Open: ${host.newEntryUrl()}`);
  console.log('Each address works once, in one browser tab. Press Enter here to print a new one.');
  console.log(`Data: ${dataDir}`);
  return host;
}

let host: WebHost;
try {
  host = await start();
} catch (error) {
  // One clear line, no stack: these are a person's problems to fix (a taken port, a locked folder).
  const message = error instanceof Error ? error.message : String(error);
  console.error(`Lectern could not start: ${message.replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
}

// Not a terminal interface: the terminal stays in its normal mode, so Ctrl+C still stops the host.
createInterface({ input: process.stdin, terminal: false }).on('line', () =>
  console.log(`Open: ${host.newEntryUrl()}`),
);

const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
