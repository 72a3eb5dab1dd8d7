// i18next over the shared locale files; the first language comes from the OS (navigator.language)
// until the member picks one, which the profile then remembers.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { uiLanguages, type UiLanguage } from '../../shared/api/contract';
import { locales } from '../../shared/i18n/translate';

export function languageFromLocale(locale: string | undefined): UiLanguage {
  return locale?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

export async function initI18n(language: UiLanguage): Promise<typeof i18next> {
  await i18next.use(initReactI18next).init({
    lng: language,
    fallbackLng: 'en',
    supportedLngs: [...uiLanguages],
    resources: Object.fromEntries(uiLanguages.map((lng) => [lng, { translation: locales[lng] }])),
    interpolation: { escapeValue: false },
    returnNull: false,
    showSupportNotice: false,
  });
  document.documentElement.lang = language;
  i18next.on('languageChanged', (lng) => (document.documentElement.lang = lng));
  return i18next;
}
