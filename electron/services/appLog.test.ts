// The log port: an unexpected handler error lands in the file with its method and stack and without the
// call's input; entries cannot forge lines; the file rotates with the old one kept; console reports and
// uncaught errors are captured.
import { EventEmitter } from 'node:events';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { contract } from '../../shared/api/contract';
import { createDispatcher } from '../../shared/api/dispatcher';
import { FileLog, logFileName, logUnexpected } from './appLog';

async function newLog(maxBytes?: number) {
  const folder = join(await mkdtemp(join(tmpdir(), 'lectern-log-')), 'logs');
  const log = new FileLog(folder, { echo: false, ...(maxBytes ? { maxBytes } : {}) });
  return { log, folder, text: () => readFileSync(join(folder, logFileName), 'utf8') };
}

describe('FileLog', () => {
  it('writes an unexpected handler error with its method and stack, and none of the input', async () => {
    const { log, text } = await newLog();
    const passphrase = 'correct horse battery staple 4711';
    const mini = { 'group.exportKey': contract['group.exportKey'] };
    const dispatch = createDispatcher(
      mini,
      {
        'group.exportKey': () => {
          throw new TypeError('key file vanished mid-read');
        },
      },
      logUnexpected(log),
    );

    const result = await dispatch('group.exportKey', { passphrase }, { transport: 'ipc' });

    expect(result).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    const written = text();
    expect(written).toContain('[error] group.exportKey failed unexpectedly');
    expect(written).toContain('TypeError: key file vanished mid-read');
    expect(written).toMatch(/\n {4}\s*at /); // the stack, indented under its entry
    expect(written).not.toContain(passphrase);
    expect(written).not.toContain('correct horse');
  });

  it('keeps each entry on lines of its own: a message cannot forge another entry', async () => {
    const { log, text } = await newLog();
    log.error('renderer error: boom\n[2030-01-01 00:00:00.000] [info] all is well\r\u001b[2Jcleared');
    const lines = text().trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toMatch(/^\[\d{4}-\d\d-\d\d [\d:.]+\] \[error\] renderer error: boom$/);
    expect(lines[1]).toBe('    [2030-01-01 00:00:00.000] [info] all is well');
    expect(lines[2]).toBe('    \ufffd[2Jcleared');
  });

  it('rotates past its size limit, keeping the previous file', async () => {
    const { log, folder } = await newLog(4096);
    for (let i = 0; i < 25; i++) log.info(`entry ${i} ${'x'.repeat(200)}`);
    const current = join(folder, logFileName);
    const old = join(folder, 'lectern.old.log');
    expect(existsSync(old)).toBe(true);
    expect(statSync(current).size).toBeLessThanOrEqual(4096 + 400);
    expect(readFileSync(current, 'utf8')).toContain('entry 24 ');
    expect(readFileSync(old, 'utf8')).toContain('entry 0 ');
  });

  it('is readable by its owner only', async () => {
    const { log, folder } = await newLog();
    log.info('hello');
    expect(statSync(join(folder, logFileName)).mode & 0o077).toBe(0);
  });

  it('captures console reports and uncaught errors until undone', async () => {
    const { log, text } = await newLog();
    const printed: unknown[][] = [];
    const fakeConsole = {
      error: (...a: unknown[]) => printed.push(a),
      warn: (...a: unknown[]) => printed.push(a),
    };
    const fakeProcess = new EventEmitter();

    const release = log.captureConsole(fakeConsole);
    const uncatch = log.catchUncaught(fakeProcess as unknown as NodeJS.Process);
    fakeConsole.error('[lectern] group sync failed:', new Error('EACCES on segment'));
    fakeProcess.emit('unhandledRejection', new Error('nobody awaited me'));
    release();
    uncatch();
    fakeConsole.warn('after release');
    fakeProcess.emit('uncaughtException', new Error('after uncatch'));

    expect(printed).toHaveLength(2); // the console still prints
    const written = text();
    expect(written).toContain('[error] [lectern] group sync failed: Error: EACCES on segment');
    expect(written).toContain('[error] unhandled rejection: Error: nobody awaited me');
    expect(written).not.toContain('after');
  });
});
