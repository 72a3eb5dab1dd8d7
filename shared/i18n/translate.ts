// The UI strings, one core file per language plus one file per feature (so features can grow their
// strings without touching each other), and a plain lookup for code outside React (main's menu).
// The renderer uses i18next over the same objects.
import type { UiLanguage } from '../api/contract';
import assignmentsEn from './assignments.en.json';
import assignmentsZhCN from './assignments.zh-CN.json';
import critiqueEn from './critique.en.json';
import critiqueZhCN from './critique.zh-CN.json';
import en from './en.json';
import formsEn from './forms.en.json';
import formsZhCN from './forms.zh-CN.json';
import groupEn from './group.en.json';
import groupZhCN from './group.zh-CN.json';
import growthEn from './growth.en.json';
import growthZhCN from './growth.zh-CN.json';
import journalEn from './journal.en.json';
import journalZhCN from './journal.zh-CN.json';
import libraryEn from './library.en.json';
import libraryZhCN from './library.zh-CN.json';
import recordEn from './record.en.json';
import recordZhCN from './record.zh-CN.json';
import speechMetricsEn from './speechMetrics.en.json';
import speechMetricsZhCN from './speechMetrics.zh-CN.json';
import zhCN from './zh-CN.json';

export const locales: Record<UiLanguage, Record<string, unknown>> = {
  'zh-CN': {
    ...zhCN,
    journal: journalZhCN,
    record: recordZhCN,
    library: libraryZhCN,
    group: groupZhCN,
    critique: critiqueZhCN,
    assignments: assignmentsZhCN,
    forms: formsZhCN,
    speechMetrics: speechMetricsZhCN,
    growth: growthZhCN,
  },
  en: {
    ...en,
    journal: journalEn,
    record: recordEn,
    library: libraryEn,
    group: groupEn,
    critique: critiqueEn,
    assignments: assignmentsEn,
    forms: formsEn,
    speechMetrics: speechMetricsEn,
    growth: growthEn,
  },
};

export function translate(language: UiLanguage, key: string): string {
  let node: unknown = locales[language];
  for (const part of key.split('.')) node = (node as Record<string, unknown> | undefined)?.[part];
  return typeof node === 'string' ? node : key;
}
