// The permission rule as plain functions: the microphone for the app's pages, the camera only through
// the one-shot allowance a video recording arms, and nothing for any other page.
import { describe, expect, it } from 'vitest';
import { CameraAllowance, cameraAllowanceMs, mayCapture, permissionGranted } from './permissions';

const isApp = (url: string) => url.startsWith('app://lectern');
const app = ['app://lectern/index.html'];
const evil = 'https://evil.example/';

describe('mayCapture', () => {
  it('allows audio capture alone', () => {
    expect(mayCapture(['audio'], false)).toBe(true);
  });

  it('refuses the camera, audio with the camera, an empty or unknown ask while not armed', () => {
    expect(mayCapture(['video'], false)).toBe(false);
    expect(mayCapture(['audio', 'video'], false)).toBe(false);
    expect(mayCapture(['video', 'audio'], false)).toBe(false);
    expect(mayCapture([], false)).toBe(false);
    expect(mayCapture(['unknown'], false)).toBe(false);
  });

  it('allows the camera while armed, and still nothing unknown', () => {
    expect(mayCapture(['video'], true)).toBe(true);
    expect(mayCapture(['audio', 'video'], true)).toBe(true);
    expect(mayCapture([], true)).toBe(false);
    expect(mayCapture(['video', 'unknown'], true)).toBe(false);
  });
});

describe('permissionGranted', () => {
  it('grants the microphone, notifications and clipboard writes to the app', () => {
    expect(permissionGranted({ permission: 'media', urls: app, mediaTypes: ['audio'] }, isApp, false)).toBe(
      true,
    );
    expect(permissionGranted({ permission: 'notifications', urls: app, mediaTypes: [] }, isApp, false)).toBe(
      true,
    );
    expect(
      permissionGranted({ permission: 'clipboard-sanitized-write', urls: app, mediaTypes: [] }, isApp, false),
    ).toBe(true);
  });

  it('refuses media that includes the camera while not armed, or says nothing of what it captures', () => {
    expect(permissionGranted({ permission: 'media', urls: app, mediaTypes: ['video'] }, isApp, false)).toBe(
      false,
    );
    expect(
      permissionGranted({ permission: 'media', urls: app, mediaTypes: ['audio', 'video'] }, isApp, false),
    ).toBe(false);
    expect(permissionGranted({ permission: 'media', urls: app, mediaTypes: [] }, isApp, true)).toBe(false);
  });

  it('refuses anything asked from another page, or when any URL involved is not the app, armed or not', () => {
    for (const armed of [false, true]) {
      for (const mediaTypes of [['audio'], ['video']]) {
        expect(permissionGranted({ permission: 'media', urls: [evil], mediaTypes }, isApp, armed)).toBe(
          false,
        );
        expect(
          permissionGranted({ permission: 'media', urls: [...app, evil], mediaTypes }, isApp, armed),
        ).toBe(false);
      }
      expect(permissionGranted({ permission: 'notifications', urls: [], mediaTypes: [] }, isApp, armed)).toBe(
        false,
      );
    }
  });

  it('refuses every other permission, even to the app, even armed', () => {
    for (const permission of ['geolocation', 'openExternal', 'hid', 'clipboard-read', 'display-capture'])
      expect(permissionGranted({ permission, urls: app, mediaTypes: [] }, isApp, true), permission).toBe(
        false,
      );
  });
});

describe('CameraAllowance', () => {
  function allowance() {
    let now = 1_000_000;
    const camera = new CameraAllowance(() => now);
    return { camera, later: (ms: number) => (now += ms) };
  }
  const video = { permission: 'media', urls: app, mediaTypes: ['video'] };
  const audio = { permission: 'media', urls: app, mediaTypes: ['audio'] };

  it('refuses the camera when not armed', () => {
    const { camera } = allowance();
    expect(camera.request(video, isApp)).toBe(false);
    expect(camera.request({ ...video, mediaTypes: ['audio', 'video'] }, isApp)).toBe(false);
  });

  it('grants the camera once when armed, then refuses it again', () => {
    const { camera } = allowance();
    camera.arm();
    expect(camera.check(video, isApp), 'a check spends nothing').toBe(true);
    expect(camera.request(video, isApp)).toBe(true);
    expect(camera.request(video, isApp)).toBe(false);
    expect(camera.request({ ...video, mediaTypes: ['audio', 'video'] }, isApp)).toBe(false);
  });

  it('lets the app see the cameras’ names for its picker (a check opens nothing), and nobody else', () => {
    const { camera } = allowance();
    expect(camera.check(video, isApp)).toBe(true);
    expect(camera.check({ ...video, mediaTypes: ['audio', 'video'] }, isApp)).toBe(true);
    expect(camera.check({ ...video, urls: [evil] }, isApp)).toBe(false);
    expect(camera.check({ ...video, urls: [...app, evil] }, isApp)).toBe(false);
    expect(camera.check({ permission: 'geolocation', urls: app, mediaTypes: [] }, isApp)).toBe(false);
    // Answering checks never opens the camera: a request still needs the one-shot allowance.
    expect(camera.request(video, isApp)).toBe(false);
  });

  it('lapses when the window passes unused', () => {
    const { camera, later } = allowance();
    camera.arm();
    later(cameraAllowanceMs - 1);
    expect(camera.armed).toBe(true);
    later(2);
    expect(camera.armed).toBe(false);
    expect(camera.request(video, isApp)).toBe(false);
  });

  it('leaves the microphone alone: granted armed or not, and never spends the allowance', () => {
    const { camera } = allowance();
    expect(camera.request(audio, isApp)).toBe(true);
    camera.arm();
    expect(camera.request(audio, isApp)).toBe(true);
    expect(camera.request(audio, isApp)).toBe(true);
    expect(camera.request(video, isApp)).toBe(true);
    expect(camera.request(audio, isApp)).toBe(true);
  });

  it('never lets another page have the camera, nor lets it spend the allowance', () => {
    const { camera } = allowance();
    camera.arm();
    expect(camera.request({ ...video, urls: [evil] }, isApp)).toBe(false);
    expect(camera.request({ ...video, urls: [...app, evil] }, isApp)).toBe(false);
    expect(camera.request(video, isApp)).toBe(true);
  });
});
