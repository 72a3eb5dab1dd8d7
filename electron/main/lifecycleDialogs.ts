// What main says when it cannot go on as usual: a startup that failed, a window that keeps crashing.
// Plain data for dialog.showMessageBox, in the OS's language (the member's choice may be unreadable).
import type { UiLanguage } from '../../shared/api/contract';
import { LecternError } from '../../shared/api/errors';
import { translate } from '../../shared/i18n/translate';
import { DataFolderInUseError, describeHolder } from '../services/dataFolderLock';

export interface MessageBoxContent {
  type: 'error' | 'warning';
  title: string;
  message: string;
  detail: string;
  buttons: string[];
  defaultId: number;
  cancelId: number;
  noLink: true;
}

/** The OS's preferred languages (app.getPreferredSystemLanguages, then app.getLocale) → a UI language. */
export function osLanguage(locales: readonly string[]): UiLanguage {
  return locales
    .find((l) => l !== '')
    ?.toLowerCase()
    .startsWith('zh')
    ? 'zh-CN'
    : 'en';
}

export const startupChoices = ['retry', 'chooseFolder', 'quit'] as const;
export type StartupChoice = (typeof startupChoices)[number];

export function startupFailureDialog(
  thrown: unknown,
  dataDir: string,
  language: UiLanguage,
): MessageBoxContent {
  const t = (key: string) => translate(language, `desktop.${key}`);
  return {
    type: 'error',
    title: t('startupFailedTitle'),
    message: t('startupFailed'),
    detail: [
      failureReason(thrown, language),
      fill(t('dataFolder'), { folder: dataDir }),
      t('startupAdvice'),
    ].join('\n\n'),
    buttons: startupChoices.map((choice) => t(choice)),
    defaultId: 0,
    cancelId: startupChoices.indexOf('quit'),
    noLink: true,
  };
}

/** The button the member pressed; closing the dialog (Esc) counts as Quit. */
export function startupChoice(response: number): StartupChoice {
  return startupChoices[response] ?? 'quit';
}

export const crashChoices = ['reload', 'quit'] as const;
export type CrashChoice = (typeof crashChoices)[number];

export function repeatedCrashDialog(logsFolder: string, language: UiLanguage): MessageBoxContent {
  const t = (key: string) => translate(language, `desktop.${key}`);
  return {
    type: 'warning',
    title: t('crashTitle'),
    message: t('crashMessage'),
    detail: fill(t('crashAdvice'), { folder: logsFolder }),
    buttons: crashChoices.map((choice) => t(choice)),
    defaultId: 0,
    cancelId: crashChoices.indexOf('quit'),
    noLink: true,
  };
}

export function crashChoice(response: number): CrashChoice {
  return crashChoices[response] ?? 'quit';
}

/** Why it failed, in words: who holds the data folder, a LecternError's message, or an error's own. */
export function failureReason(thrown: unknown, language: UiLanguage): string {
  let reason: string;
  if (thrown instanceof DataFolderInUseError) {
    reason = describeHolder(thrown.holder, language);
  } else if (thrown instanceof LecternError) {
    const translated = translate(language, thrown.messageKey);
    reason = translated === thrown.messageKey ? translate(language, `errors.${thrown.code}`) : translated;
  } else if (thrown instanceof Error && thrown.message.trim() !== '') {
    reason = thrown.message;
  } else {
    reason = translate(language, 'errors.internal');
  }
  // eslint-disable-next-line no-control-regex -- a message is shown as text: no control characters
  const plain = reason.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, ' ').trim();
  return plain.length > 600 ? `${plain.slice(0, 600)}…` : plain;
}

function fill(text: string, values: Record<string, string>): string {
  return text.replace(/\{\{(\w+)\}\}/g, (slot, name: string) => values[name] ?? slot);
}
