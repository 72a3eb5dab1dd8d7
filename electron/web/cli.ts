// `npm run web`: the app in any browser on this computer, over the loopback HTTP host.
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { startLocalHost } from './startLocalHost';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string', default: '.web-data' },
    port: { type: 'string' },
    renderer: { type: 'string', default: 'out/renderer' },
  },
});

const dataDir = resolve(values['data-dir']);
await mkdir(dataDir, { recursive: true });
const host = await startLocalHost({
  dataDir,
  rendererDir: resolve(values.renderer),
  ...(values.port === undefined ? {} : { port: Number(values.port) }),
});
console.log(`Lectern is running. Open: ${host.url}`);
console.log(`Data: ${dataDir}`);

const stop = () => void host.close().then(() => process.exit(0));
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
