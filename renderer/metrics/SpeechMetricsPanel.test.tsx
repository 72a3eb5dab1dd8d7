// The long pauses of an hour's speech as a member meets them: the first dozen, then "Show all"; every
// one plays from its start; a short speech's few pauses are simply listed.
import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import type { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { initI18n } from '../i18n/i18n';
import { SpeechMetricsPanel } from './SpeechMetricsPanel';

/** A speech with `count` pauses of 2.5 s, one every 20 s from 0:10. */
function metricsWithPauses(count: number): SpeechMetrics {
  const long = Array.from({ length: count }, (_, i) => ({ start: 10 + 20 * i, end: 12.5 + 20 * i }));
  return {
    version: 1,
    durationSec: 3600,
    speakingTime: { speakingSec: 3000, speakingRatio: 0.83, silenceRatio: 0.17 },
    pauses: { count: count + 400, longestSec: 2.5, totalSec: 600, long },
    loudness: { integratedLufs: -20, rangeLu: 6, quiet: [] },
    pitch: { medianHz: 190, rangeSemitones: 8, sdSemitones: 2, voicedSec: 2000 },
    speechRate: { syllables: 12_000, syllablesPerSecond: 4, articulationRate: 4.5, uncertainty: 0.3 },
  };
}

function renderPanel(metrics: SpeechMetrics) {
  const onSeek = vi.fn();
  render(
    <MantineProvider env="test">
      <SpeechMetricsPanel metrics={metrics} language="zh" onSeek={onSeek} />
    </MantineProvider>,
  );
  const pauses = () => within(screen.getByTestId('long-pauses')).queryAllByRole('button', { name: /^从/ });
  return { onSeek, pauses };
}

describe('SpeechMetricsPanel long pauses', () => {
  beforeAll(() => initI18n('zh-CN'));

  it('lists the first twelve of an hour’s pauses, and all of them on “显示全部”', () => {
    const { onSeek, pauses } = renderPanel(metricsWithPauses(159));
    expect(pauses()).toHaveLength(12);
    expect(pauses()[11]).toHaveProperty('textContent', '3:50 · 2.5 秒');
    const more = screen.getByRole('button', { name: '显示全部 159 处' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(pauses()).toHaveLength(159);
    fireEvent.click(screen.getByRole('button', { name: '从 52:50 的停顿开始播放（2.5 秒）' }));
    expect(onSeek).toHaveBeenCalledWith(3_170_000);
    fireEvent.click(screen.getByRole('button', { name: '收起' }));
    expect(pauses()).toHaveLength(12);
  });

  it('lists a dozen pauses or fewer without a fold', () => {
    const { pauses } = renderPanel(metricsWithPauses(12));
    expect(pauses()).toHaveLength(12);
    expect(screen.queryByRole('button', { name: /显示全部/ })).toBeNull();
  });
});
