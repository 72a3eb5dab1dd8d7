// What main says when startup fails or the window keeps crashing: the reason, the folder, what to do,
// in the OS's language, with buttons that map back to choices.
import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/api/errors';
import { DataFolderInUseError } from '../services/dataFolderLock';
import {
  crashChoice,
  osLanguage,
  repeatedCrashDialog,
  startupChoice,
  startupFailureDialog,
} from './lifecycleDialogs';

describe('osLanguage', () => {
  it('speaks Chinese to a Chinese system and English to any other', () => {
    expect(osLanguage(['zh-Hans-CN', 'en-US'])).toBe('zh-CN');
    expect(osLanguage(['zh-TW'])).toBe('zh-CN');
    expect(osLanguage(['en-GB', 'zh-CN'])).toBe('en');
    expect(osLanguage(['de-DE'])).toBe('en');
    expect(osLanguage([])).toBe('en');
  });
});

describe('startupFailureDialog', () => {
  const locked = new Error('The data folder is in use by Lectern (process 4242) on this computer.');

  it('says what happened, where, and what to do, in English', () => {
    const dialog = startupFailureDialog(locked, '/home/ada/.config/Lectern', 'en');
    expect(dialog.title).toBe('Lectern could not start');
    expect(dialog.message).toBe('Lectern could not open its data folder.');
    expect(dialog.detail).toContain('in use by Lectern (process 4242)');
    expect(dialog.detail).toContain('Data folder: /home/ada/.config/Lectern');
    expect(dialog.detail).toContain('choose another data folder');
    expect(dialog.buttons).toEqual(['Try again', 'Choose another data folder…', 'Quit']);
    expect(dialog.buttons[dialog.cancelId]).toBe('Quit');
  });

  it('speaks Chinese on a Chinese system, and translates a LecternError', () => {
    const dialog = startupFailureDialog(
      new LecternError('disk_full'),
      'C:\\Users\\李伟\\AppData\\Lectern',
      'zh-CN',
    );
    expect(dialog.message).toBe('讲台无法打开它的数据文件夹。');
    expect(dialog.detail).toContain('C:\\Users\\李伟\\AppData\\Lectern');
    expect(dialog.detail).not.toContain('errors.');
    expect(dialog.buttons).toEqual(['重试', '选择另一个数据文件夹…', '退出']);
  });

  it('names the process holding the data folder, in the dialog’s language only', () => {
    const holder = {
      pid: 4242,
      kind: 'web' as const,
      started: '2025-03-01T08:00:00.000Z',
      hostname: hostname(),
    };
    const zh = startupFailureDialog(new DataFolderInUseError(holder), '/data', 'zh-CN').detail;
    const en = startupFailureDialog(new DataFolderInUseError(holder), '/data', 'en').detail;
    expect(zh).toContain('4242');
    expect(en).toContain('4242');
    expect(en).not.toMatch(/[\u4e00-\u9fff]/);
    expect(zh).toMatch(/[\u4e00-\u9fff]/);
  });

  it('shows a hostile or huge message as bounded plain text, and a path with $ as it is', () => {
    const dialog = startupFailureDialog(new Error(`bad\u001b[2J${'x'.repeat(5000)}`), '/data/$&$1', 'en');
    expect(dialog.detail).not.toContain('\u001b');
    expect(dialog.detail.length).toBeLessThan(1200);
    expect(dialog.detail).toContain('/data/$&$1');
  });

  it('maps the buttons back to choices; closing the dialog quits', () => {
    expect([0, 1, 2].map(startupChoice)).toEqual(['retry', 'chooseFolder', 'quit']);
    expect(startupChoice(-1)).toBe('quit');
  });
});

describe('repeatedCrashDialog', () => {
  it('offers to reload or quit and names the logs folder', () => {
    const dialog = repeatedCrashDialog('/home/ada/.config/Lectern/logs', 'en');
    expect(dialog.message).toContain('stopped unexpectedly several times');
    expect(dialog.detail).toContain('Nothing saved was lost');
    expect(dialog.detail).toContain('/home/ada/.config/Lectern/logs');
    expect(dialog.buttons.map((_, i) => crashChoice(i))).toEqual(['reload', 'quit']);
    expect(repeatedCrashDialog('/logs', 'zh-CN').buttons).toEqual(['重新加载窗口', '退出']);
  });
});
