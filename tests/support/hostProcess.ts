// The web host in a process of its own (`npm run web`'s cli.ts), as the app runs its main side: for
// tests that kill it the way a crash would (SIGKILL), and for benchmarks, so the host never shares an
// event loop with the test driver (whose CDP traffic delayed the host's answers by tens of ms). It
// prints one entry address at start and a new one whenever Enter is pressed.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

export interface HostProcess {
  /** A one-time entry address: the one printed at start, then one more per Enter pressed. */
  newEntryUrl(): Promise<string>;
  /** The next line it prints that matches (for what a preloaded module reports); one wait at a time. */
  nextLine(pattern: RegExp): Promise<RegExpExecArray>;
  /** Where it listens. */
  readonly origin: string;
  readonly pid: number;
  /** From the spawn to its first address: start-up as a person launching it waits for it. */
  readonly readyMs: number;
  /** Stops it as Ctrl+C does (the host closes and frees its data folder); resolves once it has exited. */
  close(): Promise<void>;
  /** Kills it as a crash would. */
  kill(): void;
}

export interface HostProcessOptions {
  /** The renderer it serves (cli.ts's default: out/renderer). */
  rendererDir?: string;
  /** Node options before the script (after tsx's), such as `--import` of a module that measures it. */
  nodeArgs?: readonly string[];
}

export async function startHostProcess(
  dataDir: string,
  options: HostProcessOptions = {},
): Promise<HostProcess> {
  const started = performance.now();
  const child = spawn(
    process.execPath,
    [
      '--import',
      'tsx',
      ...(options.nodeArgs ?? []),
      'electron/web/cli.ts',
      '--data-dir',
      dataDir,
      ...(options.rendererDir ? ['--renderer', options.rendererDir] : []),
    ],
    { stdio: ['pipe', 'pipe', 'inherit'] },
  );
  let output = '';
  const unread: string[] = [];
  let wake = () => {};
  createInterface({ input: child.stdout! }).on('line', (line) => {
    output += `${line}\n`;
    unread.push(line);
    wake();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const failed = exited.then(() => {
    throw new Error(`host exited (${child.exitCode ?? child.signalCode}): ${output}`);
  });
  failed.catch(() => {}); // a host killed by the test exits too; only a wait for its output fails
  const nextLine = async (pattern: RegExp): Promise<RegExpExecArray> => {
    for (;;) {
      const at = unread.findIndex((line) => pattern.test(line));
      if (at >= 0) return pattern.exec(unread.splice(0, at + 1).at(-1)!)!;
      unread.length = 0;
      await Promise.race([new Promise<void>((resolve) => (wake = resolve)), failed]);
    }
  };
  const entry = /Open: (\S+)/;
  let first: string | undefined = (await nextLine(entry))[1]!;
  const readyMs = performance.now() - started;
  return {
    newEntryUrl() {
      if (first !== undefined) {
        const url = first;
        first = undefined;
        return Promise.resolve(url);
      }
      child.stdin!.write('\n');
      return nextLine(entry).then((match) => match[1]!);
    },
    nextLine,
    origin: new URL(first).origin,
    pid: child.pid!,
    readyMs,
    async close() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    kill: () => child.kill('SIGKILL'),
  };
}
