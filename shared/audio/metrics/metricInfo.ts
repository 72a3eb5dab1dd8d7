// What the UI says beside each metric: its name, a one-line plain explanation, its typical range and
// where that range comes from (all under `speechMetrics.<id>` in the i18n files), and how speech rate
// is shown in each language (syllables per second; 字/分钟 in Chinese, one syllable per character).
import type { SpeechMetrics } from './speechMetrics';

export const metricIds = [
  'duration',
  'speakingTime',
  'pauses',
  'loudness',
  'loudnessRange',
  'quietStretches',
  'pitch',
  'pitchRange',
  'speechRate',
] as const;
export type MetricId = (typeof metricIds)[number];

export interface MetricText {
  name: string;
  explain: string;
  typical: string;
  source: string;
}

/** The i18n keys of a metric's texts. */
export function metricTextKeys(id: MetricId): MetricText {
  const base = `speechMetrics.${id}`;
  return {
    name: `${base}.name`,
    explain: `${base}.explain`,
    typical: `${base}.typical`,
    source: `${base}.source`,
  };
}

/** Where the typical ranges say a value sits: for colouring, never for judging a person. */
export const typicalRanges = {
  /** Semitones (5th–95th percentile): under 4 reads as monotone, 8 and more as lively. */
  pitchRange: { low: 4, high: 8 },
} as const;

export type PitchVariety = 'monotone' | 'moderate' | 'lively';

export function pitchVariety(rangeSemitones: number): PitchVariety {
  const { low, high } = typicalRanges.pitchRange;
  return rangeSemitones < low ? 'monotone' : rangeSemitones >= high ? 'lively' : 'moderate';
}

export interface RateDisplay {
  /** The i18n key of the unit, with {{value}} and {{margin}}. */
  unitKey: 'speechMetrics.unit.syllablesPerSecond' | 'speechMetrics.unit.charactersPerMinute';
  value: number;
  margin: number;
}

/** Speech rate as a member of this language reads it: characters per minute for Chinese speeches. */
export function speechRateDisplay(
  rate: SpeechMetrics['speechRate'],
  language: 'zh' | 'en',
): RateDisplay | null {
  if (rate.syllablesPerSecond === null) return null;
  const margin = rate.uncertainty ?? 0;
  return language === 'zh'
    ? {
        unitKey: 'speechMetrics.unit.charactersPerMinute',
        value: Math.round(rate.syllablesPerSecond * 60),
        margin: Math.round(margin * 60),
      }
    : { unitKey: 'speechMetrics.unit.syllablesPerSecond', value: rate.syllablesPerSecond, margin };
}
