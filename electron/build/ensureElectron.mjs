// `npm start` and `npm run dev` first fetch Electron's binary (once). Offline, Electron's own
// installer ends in a bare "TypeError: fetch failed"; this says what happened and what works instead.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const installer = createRequire(import.meta.url).resolve('electron/install.js');
const result = spawnSync(process.execPath, [installer], { stdio: 'inherit' });
if (result.status !== 0) {
  console.error(
    [
      '',
      "Lectern could not fetch Electron's binary (no network, or a proxy in the way?).",
      'Try `npm start` again once online, or run Lectern in a browser now:',
      '  npm run web -- --data-dir ./.web-data',
      '',
    ].join('\n'),
  );
  process.exit(result.status ?? 1);
}
