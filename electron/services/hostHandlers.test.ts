// The host's own methods through the dispatcher: a renderer error reaches the log validated and bounded,
// the logs folder is opened or named, and notices are given once.
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../shared/api/dispatcher';
import { FileLog, logFileName, logUnexpected } from './appLog';
import { NoticeBoard } from './appNotices';
import { createHostHandlers, hostContract, type HostLogPorts } from './hostHandlers';

const http = { transport: 'http' } as const;

async function host(openFolder?: HostLogPorts['openFolder']) {
  const folder = join(await mkdtemp(join(tmpdir(), 'lectern-host-')), 'logs');
  const log = new FileLog(folder, { echo: false });
  let announced = 0;
  const notices = new NoticeBoard(() => announced++);
  const ports = { log, notices, ...(openFolder ? { openFolder } : {}) };
  const dispatch = createDispatcher(hostContract, createHostHandlers(ports), logUnexpected(log));
  return {
    dispatch,
    folder,
    notices,
    announced: () => announced,
    text: () => readFileSync(join(folder, logFileName), 'utf8'),
  };
}

describe('app.logError', () => {
  it('writes the renderer’s error with its stack under one entry', async () => {
    const { dispatch, text } = await host();
    const result = await dispatch(
      'app.logError',
      {
        kind: 'unhandledrejection',
        message: 'TypeError: a is null',
        stack: 'TypeError: a is null\n    at play (app://lectern/index.js:1:2)',
      },
      http,
    );
    expect(result).toEqual({ ok: true, value: null });
    expect(text()).toMatch(
      /\[error\] renderer unhandledrejection: TypeError: a is null\n {4}TypeError: a is null\n {8}at play/,
    );
  });

  it('refuses an oversized or malformed report without writing it', async () => {
    const { dispatch, folder } = await host();
    for (const input of [
      { kind: 'error', message: 'x'.repeat(2001) },
      { kind: 'error', message: 'ok', stack: 'y'.repeat(8001) },
      { kind: 'keylogger', message: 'ok' },
      { kind: 'error', message: 'ok', extra: 'field' },
    ])
      expect(await dispatch('app.logError', input, http)).toMatchObject({
        ok: false,
        error: { code: 'invalid_input' },
      });
    expect(existsSync(join(folder, logFileName))).toBe(false);
  });
});

describe('app.openLogsFolder', () => {
  it('opens the folder (made if need be) where the host can', async () => {
    const opened: string[] = [];
    const { dispatch, folder } = await host(async (path) => (opened.push(path), true));
    expect(await dispatch('app.openLogsFolder', {}, http)).toEqual({
      ok: true,
      value: { opened: true, folder },
    });
    expect(opened).toEqual([folder]);
    expect(existsSync(folder)).toBe(true);
  });

  it('names the folder where the host cannot open it, or the system would not', async () => {
    const web = await host();
    expect(await web.dispatch('app.openLogsFolder', {}, http)).toEqual({
      ok: true,
      value: { opened: false, folder: web.folder },
    });
    const failing = await host(async () => {
      throw new Error('no file manager');
    });
    expect(await failing.dispatch('app.openLogsFolder', {}, http)).toMatchObject({
      ok: true,
      value: { opened: false },
    });
  });
});

describe('app.takeNotices', () => {
  it('gives each notice once and announces new ones', async () => {
    const { dispatch, notices, announced } = await host();
    notices.post('windowReloaded');
    notices.post('windowReloaded');
    expect(announced()).toBe(2);
    expect(await dispatch('app.takeNotices', {}, http)).toEqual({
      ok: true,
      value: { notices: ['windowReloaded'] },
    });
    expect(await dispatch('app.takeNotices', {}, http)).toEqual({ ok: true, value: { notices: [] } });
  });
});
