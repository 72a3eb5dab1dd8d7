// The language a speech is in, as the metrics read it: set from the UI language when a speech is made
// (the member can change it on the speech), and the rate unit it implies.
import i18next from 'i18next';
import type { Speech, SpeechLanguage } from '../../shared/domain/speech';

/** A new speech is taken to be in the language the member uses the app in. */
export function defaultSpeechLanguage(uiLanguage: string = i18next.language): SpeechLanguage {
  return uiLanguage.startsWith('zh') ? 'zh' : 'en';
}

/** The speech's own language, or (saved before it had one) the UI language's. */
export function languageOf(speech: Pick<Speech, 'language'>): SpeechLanguage {
  return speech.language ?? defaultSpeechLanguage();
}
