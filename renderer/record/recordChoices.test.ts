import { describe, expect, it } from 'vitest';
import { choicesKey, readChoices, saveChoices } from './recordChoices';

function memoryStorage(initial?: string) {
  const items = new Map<string, string>(initial === undefined ? [] : [[choicesKey, initial]]);
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

describe('the Record screen’s remembered choices', () => {
  it('start at 5–7 min with the system microphone', () => {
    expect(readChoices(memoryStorage())).toEqual({
      deviceId: undefined,
      target: { minSeconds: 300, maxSeconds: 420 },
    });
  });

  it('keep any target the member chose, and "no target" as a choice of its own', () => {
    for (const target of [
      { minSeconds: 480, maxSeconds: 600 },
      { minSeconds: 180, maxSeconds: 240 },
      undefined,
    ]) {
      const storage = memoryStorage();
      saveChoices(storage, { deviceId: 'usb-mic', target });
      expect(readChoices(storage)).toEqual({ deviceId: 'usb-mic', target });
    }
  });

  it('fall back to the default for a damaged or impossible entry', () => {
    for (const raw of [
      '{not json',
      'null',
      '{"target":{"minSeconds":300,"maxSeconds":60}}',
      '{"deviceId":7}',
    ])
      expect(readChoices(memoryStorage(raw))).toEqual({
        deviceId: undefined,
        target: { minSeconds: 300, maxSeconds: 420 },
      });
  });
});
