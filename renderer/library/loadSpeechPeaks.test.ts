// @vitest-environment happy-dom
// ▶ asks the host for the waveform at once, while the player is still being built; the player then
// takes that answer rather than asking again, and no answer carries more pairs than a player draws.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Bridge } from '../../shared/api/contractTypes';
import { playerPeakPairs } from '../../shared/audio/peaks';
import { loadSpeechPeaks } from './loadSpeechPeaks';
import { openSpeech, playSpeech } from './speechesStore';

const bridge = vi.hoisted(() => {
  const fake = { invoke: async () => ({}), subscribe: () => () => {} };
  window.lectern = fake as never;
  return fake;
}) as unknown as Bridge;

let asked: unknown[] = [];
beforeEach(() => {
  asked = [];
  bridge.invoke = async (name, input) => {
    expect(name).toBe('speeches.peaks');
    asked.push(input);
    return {
      ok: true,
      value: { sampleRate: 48_000, samplesPerPixel: 480, data: new Uint8Array([0xf0, 16]) },
    };
  };
});

describe('the peaks of a speech opened in the library', () => {
  it('are asked for as ▶ is pressed, once, and taken by the player', async () => {
    playSpeech('speech-1');
    expect(asked).toEqual([{ speechId: 'speech-1', maxPairs: playerPeakPairs }]);
    expect(Array.from(await loadSpeechPeaks('speech-1'))).toEqual([-16, 16]);
    expect(asked).toHaveLength(1);
  });

  it('are asked for again by a later player, and never taken by another speech', async () => {
    openSpeech('speech-1');
    await loadSpeechPeaks('speech-2');
    await loadSpeechPeaks('speech-1');
    expect(asked.map((input) => (input as { speechId: string }).speechId)).toEqual([
      'speech-1',
      'speech-2',
      'speech-1',
    ]);
  });

  it('are not asked for when the player closes', () => {
    openSpeech(undefined);
    expect(asked).toEqual([]);
  });
});
