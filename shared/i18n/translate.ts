// A plain lookup into the locale files for code outside React (the application menu in main).
// The renderer uses i18next over the same files.
import type { UiLanguage } from '../api/contract';
import en from './en.json';
import zhCN from './zh-CN.json';

export const locales: Record<UiLanguage, Record<string, unknown>> = { 'zh-CN': zhCN, en };

export function translate(language: UiLanguage, key: string): string {
  let node: unknown = locales[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}
