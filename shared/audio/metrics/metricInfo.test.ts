import { describe, expect, it } from 'vitest';
import { locales, translate } from '../../i18n/translate';
import { metricIds, metricTextKeys, pitchVariety, speechRateDisplay } from './metricInfo';

describe('metricInfo', () => {
  it('has a name, explanation, typical range and source for every metric in both languages', () => {
    for (const id of metricIds) {
      for (const key of Object.values(metricTextKeys(id))) {
        for (const language of Object.keys(locales) as (keyof typeof locales)[]) {
          const text = translate(language, key);
          expect(text, `${language} ${key}`).not.toBe(key);
          expect(text.trim().length, `${language} ${key}`).toBeGreaterThan(1);
        }
      }
    }
  });

  it('shows speech rate in characters per minute for Chinese, syllables per second otherwise', () => {
    const rate = { syllables: 300, syllablesPerSecond: 3.5, articulationRate: 4.2, uncertainty: 0.55 };
    expect(speechRateDisplay(rate, 'zh')).toEqual({
      unitKey: 'speechMetrics.unit.charactersPerMinute',
      value: 210,
      margin: 33,
    });
    expect(speechRateDisplay(rate, 'en')).toEqual({
      unitKey: 'speechMetrics.unit.syllablesPerSecond',
      value: 3.5,
      margin: 0.55,
    });
    expect(speechRateDisplay({ ...rate, syllablesPerSecond: null }, 'zh')).toBeNull();
    for (const unit of ['charactersPerMinute', 'syllablesPerSecond'])
      expect(translate('zh-CN', `speechMetrics.unit.${unit}`)).toContain('{{margin}}');
  });

  it('reads pitch range as monotone under 4 semitones and lively from 8', () => {
    expect([2, 4, 7.9, 8, 12].map(pitchVariety)).toEqual([
      'monotone',
      'moderate',
      'moderate',
      'lively',
      'lively',
    ]);
  });
});
