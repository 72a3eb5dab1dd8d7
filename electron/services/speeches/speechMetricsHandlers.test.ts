// Metrics and language through the dispatcher, as the renderer calls them: what the analysers make is
// kept beside the speech and read back; anything no analyser would make is refused before it reaches
// the disk; a speech remembers the language it is in.
import { mkdtemp, readFile, readdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../shared/api/dispatcher';
import { speechesContract } from '../../../shared/api/speechesContract';
import { SpeechMetricsAnalyser } from '../../../shared/audio/metrics/analyseSpeech';
import { concat, feed, silence, syllables } from '../../../shared/audio/metrics/testSignals';
import { createSpeechHandlers } from './speechHandlers';
import { SpeechStore } from './speechStore';

const recorded = await readFile(join(import.meta.dirname, '../../../tests/fixtures/recorded-zh.webm'));
const rate = 16_000;
const metrics = feed(
  new SpeechMetricsAnalyser(rate),
  concat(syllables(rate, 8, 4), silence(rate, 2.5), syllables(rate, 8, 4)),
);

async function setUp() {
  const root = await mkdtemp(join(tmpdir(), 'lectern-metrics-'));
  const store = new SpeechStore(root);
  const dispatch = createDispatcher(speechesContract, createSpeechHandlers(store), () => {});
  const call = async (name: keyof typeof speechesContract, input: unknown) => {
    const result = await dispatch(name, input, { origin: 'test' } as never);
    if (!result.ok) throw Object.assign(new Error(result.error.code), result.error);
    return result.value;
  };
  const { speechId } = (await call('speeches.begin', {
    source: 'recording',
    mimeType: 'audio/webm',
    title: '停顿练习',
    language: 'zh',
    sampleRate: 48_000,
    samplesPerPixel: 480,
  })) as { speechId: string };
  await call('speeches.append', { speechId, audio: new Uint8Array(recorded) });
  await call('speeches.finish', { speechId });
  return { root, speechId, call };
}

describe('speeches.metrics and speeches.saveMetrics', () => {
  it('keep the metrics beside the speech and give them back', async () => {
    const { root, speechId, call } = await setUp();
    expect(await call('speeches.metrics', { speechId })).toBeNull();
    await call('speeches.saveMetrics', { speechId, metrics });
    expect(await call('speeches.metrics', { speechId })).toEqual(metrics);
    expect(await readdir(join(root, speechId))).toContain('metrics.json');
  });

  it.each([
    ['a newer format', { ...metrics, version: 2 }],
    ['a negative length', { ...metrics, durationSec: -3 }],
    [
      'a share of speaking over 100 %',
      { ...metrics, speakingTime: { ...metrics.speakingTime, speakingRatio: 4 } },
    ],
    [
      'a pause that ends before it starts',
      { ...metrics, pauses: { ...metrics.pauses, long: [{ start: 9, end: 2 }] } },
    ],
    ['a missing part', { ...metrics, pitch: undefined }],
    ['text for a number', { ...metrics, loudness: { ...metrics.loudness, integratedLufs: '-23' } }],
  ])('refuse %s, and keep nothing', async (_what, bad) => {
    const { root, speechId, call } = await setUp();
    await expect(call('speeches.saveMetrics', { speechId, metrics: bad })).rejects.toMatchObject({
      code: 'invalid_input',
    });
    expect(await readdir(join(root, speechId))).not.toContain('metrics.json');
    expect(await call('speeches.metrics', { speechId })).toBeNull();
  });

  it('refuse metrics for a speech that does not exist', async () => {
    const { call } = await setUp();
    await expect(
      call('speeches.saveMetrics', { speechId: '00000000-0000-4000-8000-000000000000', metrics }),
    ).rejects.toMatchObject({ code: 'not_found' });
  });
});

describe('a speech’s language', () => {
  it('is kept from when it was made, and the member can change it', async () => {
    const { speechId, call } = await setUp();
    const [made] = (await call('speeches.list', {})) as { language?: string }[];
    expect(made!.language).toBe('zh');
    const changed = (await call('speeches.update', { speechId, language: 'en' })) as { language?: string };
    expect(changed.language).toBe('en');
    await expect(call('speeches.update', { speechId, language: 'fr' })).rejects.toMatchObject({
      code: 'invalid_input',
    });
  });
});
