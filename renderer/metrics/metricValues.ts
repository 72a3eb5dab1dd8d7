// Each metric's value as the panel shows it, in the member's language: pure, so a test can read it.
import type { TFunction } from 'i18next';
import type { MetricId } from '../../shared/audio/metrics/metricInfo';
import { pitchVariety, speechRateDisplay } from '../../shared/audio/metrics/metricInfo';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { targetResult, type SpeechTarget, type TargetResult } from '../../shared/audio/timerLights';
import type { SpeechLanguage } from '../../shared/domain/speech';
import { formatClock } from '../shell/formatDuration';

export interface MetricValue {
  id: MetricId;
  value: string;
  /** Duration only: how it did against its target. */
  result?: TargetResult;
}

const oneDecimal = (value: number) => value.toFixed(1);

export function metricValues(
  m: SpeechMetrics,
  language: SpeechLanguage,
  target: SpeechTarget | undefined,
  t: TFunction,
): MetricValue[] {
  const none = t('speechMetrics.notMeasured');
  const clock = (sec: number) => formatClock(sec * 1000);
  const rate = speechRateDisplay(m.speechRate, language === 'zh' ? 'zh' : 'en');
  const { integratedLufs, rangeLu } = m.loudness;
  const { medianHz, rangeSemitones } = m.pitch;
  return [
    {
      id: 'duration',
      value: target
        ? t('speechMetrics.panel.durationOf', {
            duration: clock(m.durationSec),
            min: clock(target.minSeconds),
            max: clock(target.maxSeconds),
          })
        : clock(m.durationSec),
      ...(target ? { result: targetResult(m.durationSec, target) } : {}),
    },
    {
      id: 'speakingTime',
      value: t('speechMetrics.panel.speakingOf', {
        speaking: clock(m.speakingTime.speakingSec),
        percent: Math.round(m.speakingTime.speakingRatio * 100),
      }),
    },
    {
      id: 'pauses',
      value: t('speechMetrics.panel.pausesOf', {
        count: m.pauses.count,
        longest: oneDecimal(m.pauses.longestSec),
      }),
    },
    {
      id: 'speechRate',
      value: rate
        ? t(rate.unitKey, {
            value: language === 'zh' ? rate.value : oneDecimal(rate.value),
            margin: language === 'zh' ? rate.margin : oneDecimal(rate.margin),
          })
        : none,
    },
    {
      id: 'loudness',
      value:
        integratedLufs === null ? none : t('speechMetrics.unit.lufs', { value: oneDecimal(integratedLufs) }),
    },
    {
      id: 'loudnessRange',
      value: rangeLu === null ? none : t('speechMetrics.unit.lu', { value: oneDecimal(rangeLu) }),
    },
    {
      id: 'quietStretches',
      value: t('speechMetrics.panel.quietOf', { count: m.loudness.quiet.length }),
    },
    {
      id: 'pitch',
      value: medianHz === null ? none : t('speechMetrics.unit.hertz', { value: Math.round(medianHz) }),
    },
    {
      id: 'pitchRange',
      value:
        rangeSemitones === null
          ? none
          : `${t('speechMetrics.unit.semitones', { value: oneDecimal(rangeSemitones) })} · ${t(
              `speechMetrics.panel.variety.${pitchVariety(rangeSemitones)}`,
            )}`,
    },
  ];
}
