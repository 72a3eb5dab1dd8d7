// `lectern-group metrics`: the delivery metrics of an audio file, as text and as JSON.
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SpeechMetrics } from '../../shared/audio/metrics/speechMetrics';
import { cli, tempDirPerTest } from './cliTestKit';

const dir = tempDirPerTest('lectern-metrics-cli-');

/** A tone, 2.5 s of silence, a tone: one long pause. */
function toneWithPause(file: string): void {
  execFileSync('sox', [
    '-n',
    '-r',
    '16000',
    '-c',
    '1',
    `${file}.a.wav`,
    'synth',
    '1.5',
    'sine',
    '200',
    'gain',
    '-12',
  ]);
  execFileSync('sox', [`${file}.a.wav`, `${file}.b.wav`, 'pad', '0', '2.5']);
  execFileSync('sox', [`${file}.b.wav`, `${file}.a.wav`, file]);
}

describe('lectern-group metrics', () => {
  it('prints at least the documented JSON, times in seconds, with the full metrics', async () => {
    const file = path.join(dir(), 'speech.wav');
    toneWithPause(file);
    const { code, out } = await cli('metrics', file, '--json');
    expect(code).toBe(0);
    const json = JSON.parse(out) as Record<string, unknown>;
    for (const key of [
      'durationSec',
      'speakingRatio',
      'pauses',
      'loudnessLufs',
      'pitchMedianHz',
      'pitchRangeSemitones',
      'syllablesPerSecond',
    ])
      expect(json, key).toHaveProperty(key);
    expect(json.durationSec).toBeCloseTo(5.5, 2);
    const [pause] = json.pauses as { start: number; end: number }[];
    expect(Math.abs(pause!.start - 1.5)).toBeLessThan(0.05);
    expect(Math.abs(pause!.end - 4)).toBeLessThan(0.05);
    expect(Math.abs((json.pitchMedianHz as number) - 200)).toBeLessThan(4);
    expect(SpeechMetrics.safeParse(json.metrics).success).toBe(true);
  });

  it('prints a readable summary', async () => {
    const file = path.join(dir(), 'speech.wav');
    toneWithPause(file);
    const { code, out } = await cli('metrics', file);
    expect(code).toBe(0);
    expect(out).toMatch(/^Speaking time\s+0:03\.0 \(55 % of the recording; 45 % silence\)$/m);
    expect(out).toMatch(/^Pauses\s+1 of 0\.3 s or more, longest 2\.5 s; over 2 s: 0:01\.5–0:04\.0$/m);
    expect(out).toMatch(/^Pitch\s+median 200 Hz/m);
  });

  it('says plainly when the file is missing or not audio (exit 2)', async () => {
    expect(await cli('metrics')).toMatchObject({ code: 2 });
    expect(await cli('metrics', path.join(dir(), 'nothing.wav'))).toEqual({
      code: 2,
      out: `lectern-group: No file at ${path.join(dir(), 'nothing.wav')}.`,
    });
    const text = path.join(dir(), 'notes.wav');
    writeFileSync(text, 'not audio at all');
    expect(await cli('metrics', text)).toEqual({
      code: 2,
      out: `lectern-group: ${text} is not an audio file Lectern can read.`,
    });
  });
});
