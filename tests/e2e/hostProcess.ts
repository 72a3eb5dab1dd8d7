// The web host as a separate process, for tests that kill it the way a crash would (SIGKILL).
import { spawn, type ChildProcess } from 'node:child_process';

export interface HostProcess {
  url: string;
  kill(): void;
}

export function startHostProcess(dataDir: string): Promise<HostProcess> {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', 'electron/web/cli.ts', '--data-dir', dataDir],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let output = '';
    child.stdout!.on('data', (data: Buffer) => {
      output += data.toString();
      const url = /Open: (\S+)/.exec(output)?.[1];
      if (url) resolve({ url, kill: () => child.kill('SIGKILL') });
    });
    child.on('exit', (code) => reject(new Error(`host exited early (${code}): ${output}`)));
  });
}
