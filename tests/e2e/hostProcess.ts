// The web host as a separate process (`npm run web`'s cli.ts), for tests that kill it the way a crash
// would (SIGKILL). It prints one entry address at start and a new one whenever Enter is pressed.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface HostProcess {
  /** A one-time entry address: the one printed at start, then one more per Enter pressed. */
  newEntryUrl(): Promise<string>;
  kill(): void;
}

export async function startHostProcess(dataDir: string): Promise<HostProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/cli.ts', '--data-dir', dataDir],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  const urls: string[] = [];
  let wake = () => {};
  createInterface({ input: child.stdout! }).on('line', (line) => {
    output += `${line}\n`;
    const url = /Open: (\S+)/.exec(line)?.[1];
    if (url) urls.push(url);
    wake();
  });
  const exited = new Promise<never>((_, reject) =>
    child.on('exit', (code) => reject(new Error(`host exited (${code}): ${output}`))),
  );
  exited.catch(() => {}); // a host killed by the test exits too; only a wait for its output fails
  const printed = async (): Promise<string> => {
    while (urls.length === 0) await Promise.race([new Promise<void>((resolve) => (wake = resolve)), exited]);
    return urls.shift()!;
  };
  let first: string | undefined = await printed();
  return {
    newEntryUrl() {
      if (first !== undefined) {
        const url = first;
        first = undefined;
        return Promise.resolve(url);
      }
      child.stdin!.write('\n');
      return printed();
    },
    kill: () => child.kill('SIGKILL'),
  };
}
