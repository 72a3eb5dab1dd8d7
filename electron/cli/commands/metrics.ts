// `metrics`: the delivery metrics of an audio file (any format the app imports), as text or JSON.
import { stat } from 'node:fs/promises';
import type { SpeechMetrics } from '../../../shared/audio/metrics/speechMetrics';
import { analyseAudioFile } from '../../services/audio/analyseAudioFile';
import { UsageError, defineCommand } from '../cliCommand';
import { jsonOut, safe } from '../terminalText';

export const metrics = defineCommand({
  name: 'metrics',
  usage: [`${'<audio file> [--json]'.padEnd(38)}speaking time, pauses, loudness, pitch and speech rate`],
  options: { json: { type: 'boolean' } },
  async run(values, [file], io) {
    if (!file) throw new UsageError('Which audio file? e.g. lectern-group metrics speech.m4a');
    if (!(await stat(file).catch(() => null))?.isFile()) throw new UsageError(`No file at ${file}.`);
    const result = await analyseAudioFile(file);
    io.out(values.json ? jsonOut(metricsSummary(result)) : metricsText(file, result));
    return 0;
  },
});

/** The flat JSON of `metrics --json` (times in seconds), with the full metrics under `metrics`. */
export function metricsSummary(m: SpeechMetrics) {
  const rate = m.speechRate.syllablesPerSecond;
  return {
    durationSec: m.durationSec,
    speakingSec: m.speakingTime.speakingSec,
    speakingRatio: m.speakingTime.speakingRatio,
    silenceRatio: m.speakingTime.silenceRatio,
    pauseCount: m.pauses.count,
    longestPauseSec: m.pauses.longestSec,
    /** Every pause over 2 s. */
    pauses: m.pauses.long,
    loudnessLufs: m.loudness.integratedLufs,
    loudnessRangeLu: m.loudness.rangeLu,
    pitchMedianHz: m.pitch.medianHz,
    pitchRangeSemitones: m.pitch.rangeSemitones,
    syllablesPerSecond: rate,
    syllablesPerSecondUncertainty: m.speechRate.uncertainty,
    charactersPerMinute: rate === null ? null : Math.round(rate * 60),
    metrics: m,
  };
}

function metricsText(file: string, m: SpeechMetrics): string {
  const { speakingTime: talk, pauses, loudness, pitch, speechRate: rate } = m;
  const percent = (ratio: number) => `${Math.round(ratio * 100)} %`;
  const longOnes = pauses.long.slice(0, 8).map((p) => `${clock(p.start)}–${clock(p.end)}`);
  const more = pauses.long.length > longOnes.length ? `, … ${pauses.long.length - longOnes.length} more` : '';
  const lines = [
    safe`${file} — ${clock(m.durationSec)}`,
    `Speaking time   ${clock(talk.speakingSec)} (${percent(talk.speakingRatio)} of the recording; ${percent(talk.silenceRatio)} silence)`,
    `Pauses          ${pauses.count} of 0.3 s or more, longest ${pauses.longestSec.toFixed(1)} s` +
      (pauses.long.length > 0 ? `; over 2 s: ${longOnes.join(', ')}${more}` : '; none over 2 s'),
    `Loudness        ${loudness.integratedLufs === null ? 'too quiet to measure' : `${loudness.integratedLufs.toFixed(1)} LUFS`}` +
      (loudness.rangeLu === null ? '' : ` (range ${loudness.rangeLu.toFixed(1)} LU)`) +
      (loudness.quiet.length > 0 ? `; ${loudness.quiet.length} quiet stretch(es)` : ''),
    `Pitch           ${pitch.medianHz === null ? 'too little voice to measure' : `median ${Math.round(pitch.medianHz)} Hz, range ${pitch.rangeSemitones} semitones`}`,
    `Speech rate     ${rate.syllablesPerSecond === null ? 'no speech found' : `${rate.syllablesPerSecond.toFixed(2)} ± ${(rate.uncertainty ?? 0).toFixed(2)} syllables/s (${rate.syllables} syllables; in Chinese ≈ ${Math.round(rate.syllablesPerSecond * 60)} characters/min)`}`,
  ];
  return lines.join('\n');
}

/** 75.25 → "1:15.3" */
function clock(sec: number): string {
  const minutes = Math.floor(sec / 60);
  const rest = sec - minutes * 60;
  return `${minutes}:${rest.toFixed(1).padStart(4, '0')}`;
}
