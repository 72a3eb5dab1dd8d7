// The page's error reports: bounded text from an error's name, message and stack alone, each distinct
// error once, and the window's uncaught errors and rejections caught.
import { describe, expect, it } from 'vitest';
import { rendererErrorLimits } from '../../shared/api/contract';
import { createErrorReporter, errorReport, installErrorLog, type ErrorReport } from './errorLog';

describe('errorReport', () => {
  it('keeps an error’s name, message and stack', () => {
    const error = new TypeError('speech is undefined');
    expect(errorReport('render', error)).toEqual({
      kind: 'render',
      message: 'TypeError: speech is undefined',
      stack: error.stack,
    });
  });

  it('never copies a rejected value that is not an error (it may hold what the member wrote)', () => {
    expect(errorReport('unhandledrejection', { journal: 'private words' })).toEqual({
      kind: 'unhandledrejection',
      message: 'a object value',
    });
    expect(errorReport('unhandledrejection', null).message).toBe('a null value');
  });

  it('cuts a message and a stack to what main accepts', () => {
    const error = new Error('x'.repeat(10_000));
    error.stack = 'y'.repeat(20_000);
    const report = errorReport('error', error);
    expect(report.message.length).toBe(rendererErrorLimits.message);
    expect(report.stack!.length).toBe(rendererErrorLimits.stack);
  });
});

describe('createErrorReporter', () => {
  it('sends each distinct error once, a bounded number in all, and survives a failed send', async () => {
    const sent: ErrorReport[] = [];
    const report = createErrorReporter(async (r) => {
      sent.push(r);
      throw new Error('main is gone');
    });
    const same = new Error('same');
    report('error', same);
    report('error', same);
    for (let i = 0; i < 100; i++) report('error', new Error(`distinct ${i}`));
    expect(sent[0]!.message).toBe('Error: same');
    expect(sent).toHaveLength(50);
  });
});

describe('installErrorLog', () => {
  it('reports uncaught errors with where they happened, and unhandled rejections, until undone', () => {
    const target = new EventTarget();
    const reports: unknown[][] = [];
    const undo = installErrorLog(target, (...args) => reports.push(args));
    const boom = new Error('boom');
    target.dispatchEvent(
      Object.assign(new Event('error'), {
        error: boom,
        message: 'boom',
        filename: 'app://lectern/index.js',
        lineno: 3,
        colno: 7,
      }),
    );
    target.dispatchEvent(Object.assign(new Event('error'), { message: 'Script error.' }));
    target.dispatchEvent(Object.assign(new Event('unhandledrejection'), { reason: 'nope' }));
    undo();
    target.dispatchEvent(Object.assign(new Event('error'), { error: new Error('after') }));

    expect(reports).toEqual([
      ['error', boom, 'app://lectern/index.js:3:7'],
      ['error', 'Script error.', undefined],
      ['unhandledrejection', 'nope'],
    ]);
  });
});
