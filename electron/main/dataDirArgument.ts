// `--data-dir=<folder>`: where the desktop app keeps everything (its services and Chromium's storage
// alike), instead of the OS's app-data folder. "Choose another data folder" after a failed start
// relaunches the app with it.
import { isAbsolute } from 'node:path';

const flag = '--data-dir=';

/** The folder named on the command line (the last one wins), if any; only an absolute path counts. */
export function dataDirArgument(argv: readonly string[]): string | undefined {
  const value = argv.findLast((arg) => arg.startsWith(flag))?.slice(flag.length);
  return value && isAbsolute(value) ? value : undefined;
}

/** The arguments to relaunch with (app.relaunch's `args`): the same ones, with `dataDir` instead. */
export function relaunchArguments(argv: readonly string[], dataDir: string): string[] {
  return [...argv.slice(1).filter((arg) => !arg.startsWith(flag)), `${flag}${dataDir}`];
}
