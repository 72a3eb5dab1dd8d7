import { describe, expect, it } from 'vitest';
import { choicesKey, readChoices, saveChoices, type RecordChoices } from './recordChoices';

function memoryStorage(initial?: string) {
  const items = new Map<string, string>(initial === undefined ? [] : [[choicesKey, initial]]);
  return {
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
  };
}

const defaults: RecordChoices = {
  mode: 'audio',
  deviceId: undefined,
  cameraId: undefined,
  quality: '720p',
  target: { minSeconds: 300, maxSeconds: 420 },
};

describe('the Record screen’s remembered choices', () => {
  it('start with audio only, the system’s devices, 720p and 5–7 min', () => {
    expect(readChoices(memoryStorage())).toEqual(defaults);
  });

  it('keep any target the member chose, and "no target" as a choice of its own', () => {
    for (const target of [
      { minSeconds: 480, maxSeconds: 600 },
      { minSeconds: 180, maxSeconds: 240 },
      undefined,
    ]) {
      const storage = memoryStorage();
      saveChoices(storage, { ...defaults, deviceId: 'usb-mic', target });
      expect(readChoices(storage)).toEqual({ ...defaults, deviceId: 'usb-mic', target });
    }
  });

  it('keep recording with the camera, which camera and the lower quality', () => {
    const storage = memoryStorage();
    const chosen: RecordChoices = {
      ...defaults,
      mode: 'video',
      deviceId: 'usb-mic',
      cameraId: 'usb-camera',
      quality: '480p',
    };
    saveChoices(storage, chosen);
    expect(readChoices(storage)).toEqual(chosen);
    saveChoices(storage, { ...chosen, mode: 'audio' });
    expect(readChoices(storage)).toEqual({ ...chosen, mode: 'audio' });
  });

  it('fall back to the defaults for a damaged or impossible entry', () => {
    for (const raw of [
      '{not json',
      'null',
      '7',
      '"video"',
      '{"target":{"minSeconds":300,"maxSeconds":60}}',
      '{"deviceId":7,"cameraId":["x"]}',
      '{"mode":"hologram","quality":"4k"}',
      '{"mode":true,"quality":720}',
    ])
      expect(readChoices(memoryStorage(raw)), raw).toEqual(defaults);
  });

  it('keep what is sound in a partly damaged entry', () => {
    const raw = '{"mode":"video","cameraId":"usb-camera","quality":"8k","deviceId":null}';
    expect(readChoices(memoryStorage(raw))).toEqual({ ...defaults, mode: 'video', cameraId: 'usb-camera' });
  });
});
