// Component tests' i18n: the app's setup plus the critique strings (until translate.ts merges them).
import critiqueEn from '../../shared/i18n/critique.en.json';
import critiqueZhCN from '../../shared/i18n/critique.zh-CN.json';
import type { UiLanguage } from '../../shared/api/contract';
import { initI18n } from '../i18n/i18n';

// happy-dom has no FontFaceSet, which Mantine's autosizing Textarea listens to (Chromium has one).
if (!('fonts' in document))
  Object.defineProperty(document, 'fonts', { value: { addEventListener() {}, removeEventListener() {} } });

export async function initCritiqueI18n(language: UiLanguage) {
  const i18n = await initI18n(language);
  i18n.addResourceBundle('en', 'translation', { critique: critiqueEn }, true, true);
  i18n.addResourceBundle('zh-CN', 'translation', { critique: critiqueZhCN }, true, true);
  await i18n.changeLanguage(language);
  return i18n;
}
