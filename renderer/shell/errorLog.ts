// Sends the page's unhandled errors to main's log file (app.logError): what failed and where, as
// bounded text. Never an error's other fields or a rejection's value, which may hold what the member
// wrote; each distinct error once, and a bounded number per page load.
import { rendererErrorLimits } from '../../shared/api/contract';

export type ErrorKind = 'error' | 'unhandledrejection' | 'render';
export interface ErrorReport {
  kind: ErrorKind;
  message: string;
  stack?: string;
}

const maxReports = 50;

/** A reporter over `send` (the API call); a failed send is dropped, never reported again. */
export function createErrorReporter(send: (report: ErrorReport) => Promise<unknown>) {
  const seen = new Set<string>();
  return (kind: ErrorKind, thrown: unknown, where?: string): void => {
    const report = errorReport(kind, thrown, where);
    const key = `${report.kind}\n${report.message}\n${report.stack ?? ''}`;
    if (seen.has(key) || seen.size >= maxReports) return;
    seen.add(key);
    send(report).catch(() => undefined);
  };
}

export function errorReport(kind: ErrorKind, thrown: unknown, where?: string): ErrorReport {
  const described =
    thrown instanceof Error
      ? `${thrown.name}: ${thrown.message}`
      : typeof thrown === 'string'
        ? thrown
        : `a ${thrown === null ? 'null' : typeof thrown} value`;
  const message = cut(where ? `${described} (${where})` : described, rendererErrorLimits.message);
  const stack =
    thrown instanceof Error && thrown.stack ? cut(thrown.stack, rendererErrorLimits.stack) : undefined;
  return stack ? { kind, message, stack } : { kind, message };
}

/** Reports the window's uncaught errors and unhandled rejections. Returns the undo. */
export function installErrorLog(
  target: Pick<EventTarget, 'addEventListener' | 'removeEventListener'>,
  report: (kind: ErrorKind, thrown: unknown, where?: string) => void,
): () => void {
  const onError = (event: Event) => {
    const { error, message, filename, lineno, colno } = event as ErrorEvent;
    const where = filename ? `${filename}:${lineno}:${colno}` : undefined;
    report('error', error ?? message, where);
  };
  const onRejection = (event: Event) => report('unhandledrejection', (event as PromiseRejectionEvent).reason);
  target.addEventListener('error', onError);
  target.addEventListener('unhandledrejection', onRejection);
  return () => {
    target.removeEventListener('error', onError);
    target.removeEventListener('unhandledrejection', onRejection);
  };
}

function cut(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
