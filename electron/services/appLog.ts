// The app's log: one rotating file (lectern.log up to 5 MB, the previous one kept as lectern.old.log)
// for main's unexpected errors and the renderer's reports, written by electron-log's Node entry so the
// desktop app and the web host log alike. Entries are messages and errors only: never a call's input.
import { inspect } from 'node:util';
import { join } from 'node:path';
import electronLog from 'electron-log/node';

export const logFileName = 'lectern.log';
export const maxLogBytes = 5 * 1024 * 1024;
/** One entry's text is cut here: a runaway message must not push the useful ones out of the file. */
const maxEntryChars = 20_000;

type Level = 'error' | 'warn' | 'info';

/** What handlers and hosts write to. */
export interface AppLog {
  /** The folder holding the log files (Settings opens it or shows it). */
  readonly folder: string;
  error(message: string, thrown?: unknown): void;
  warn(message: string, thrown?: unknown): void;
  info(message: string): void;
}

export interface FileLogOptions {
  /** Rotate when the file passes this size; default 5 MB. */
  maxBytes?: number;
  /** Also print entries on stderr (a terminal, a dev run); default true. */
  echo?: boolean;
}

let loggers = 0;
const original = { error: console.error, warn: console.warn, info: console.info };

export class FileLog implements AppLog {
  readonly file: string;
  private readonly logger: ReturnType<typeof electronLog.create>;
  private readonly echo: boolean;

  constructor(
    readonly folder: string,
    options: FileLogOptions = {},
  ) {
    this.file = join(folder, logFileName);
    this.echo = options.echo ?? true;
    this.logger = electronLog.create({ logId: `lectern-${++loggers}` });
    const { transports } = this.logger;
    const { file } = transports;
    file.resolvePathFn = () => this.file;
    file.maxSize = options.maxBytes ?? maxLogBytes;
    // Owner-only: the log names folders and speech ids.
    file.writeOptions = { flag: 'a', mode: 0o600, encoding: 'utf8' };
    // The file only: echoing is ours (below), so console capture cannot print an entry twice; the
    // ipc transport is null outside Electron's own entry, and nothing is sent anywhere.
    for (const name of ['console', 'ipc', 'remote']) {
      const transport = transports[name];
      if (transport) transport.level = false;
    }
  }

  error(message: string, thrown?: unknown): void {
    this.write('error', message, thrown, this.echo);
  }

  warn(message: string, thrown?: unknown): void {
    this.write('warn', message, thrown, this.echo);
  }

  info(message: string): void {
    this.write('info', message, undefined, this.echo);
  }

  /**
   * Everything this process prints with console.error and console.warn (the services' own reports,
   * e.g. a group sync that failed) is also written down. Returns the undo.
   */
  captureConsole(target: Pick<Console, 'error' | 'warn'> = console): () => void {
    const { error, warn } = target;
    target.error = (...args: unknown[]) => {
      error.apply(target, args);
      this.write('error', formatArgs(args), undefined, false);
    };
    target.warn = (...args: unknown[]) => {
      warn.apply(target, args);
      this.write('warn', formatArgs(args), undefined, false);
    };
    return () => Object.assign(target, { error, warn });
  }

  /** Writes down what nothing caught. Returns the undo. */
  catchUncaught(target: Pick<NodeJS.Process, 'on' | 'off'> = process): () => void {
    const onException = (thrown: unknown) => this.error('uncaught exception', thrown);
    const onRejection = (thrown: unknown) => this.error('unhandled rejection', thrown);
    target.on('uncaughtException', onException);
    target.on('unhandledRejection', onRejection);
    return () => {
      target.off('uncaughtException', onException);
      target.off('unhandledRejection', onRejection);
    };
  }

  private write(level: Level, message: string, thrown: unknown, echo: boolean): void {
    const text = entryText(message, thrown);
    this.logger[level](text);
    if (echo) original[level](`[lectern] ${text}`);
  }
}

/** The dispatcher's onUnexpected for both hosts: the method and the error, never the input. */
export function logUnexpected(log: AppLog): (thrown: unknown, method: string) => void {
  return (thrown, method) => log.error(`${method} failed unexpectedly`, thrown);
}

/**
 * One entry as text: control characters shown as U+FFFD, and every line after the first indented, so
 * no message (a renderer's, a file name in an error) can forge a line that looks like an entry.
 */
export function entryText(message: string, thrown?: unknown): string {
  const parts = [message];
  if (thrown !== undefined) parts.push(describe(thrown));
  let text = parts.join(': ');
  if (text.length > maxEntryChars) text = `${text.slice(0, maxEntryChars)} …[cut]`;
  return (
    text
      // eslint-disable-next-line no-control-regex -- these are exactly what must not reach the file
      .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, '\ufffd')
      .split(/\r\n|\r|\n|\u2028|\u2029/)
      .join('\n    ')
  );
}

function describe(thrown: unknown): string {
  if (typeof thrown === 'string') return thrown;
  // A stack with the error's own fields (code, path, cause); bounded depth.
  return inspect(thrown, { depth: 3, breakLength: Infinity, maxArrayLength: 20, maxStringLength: 4000 });
}

function formatArgs(args: readonly unknown[]): string {
  return args.map((arg) => (typeof arg === 'string' ? arg : describe(arg))).join(' ');
}
