// The permission rule as a plain function: the microphone alone for the app's pages, never the camera.
import { describe, expect, it } from 'vitest';
import { mayCapture, permissionGranted } from './permissions';

const isApp = (url: string) => url.startsWith('app://lectern');
const app = ['app://lectern/index.html'];

describe('mayCapture', () => {
  it('allows audio capture alone', () => {
    expect(mayCapture(['audio'])).toBe(true);
  });

  it('refuses the camera, audio with the camera, an empty or unknown ask', () => {
    expect(mayCapture(['video'])).toBe(false);
    expect(mayCapture(['audio', 'video'])).toBe(false);
    expect(mayCapture(['video', 'audio'])).toBe(false);
    expect(mayCapture([])).toBe(false);
    expect(mayCapture(['unknown'])).toBe(false);
  });
});

describe('permissionGranted', () => {
  it('grants the microphone, notifications and clipboard writes to the app', () => {
    expect(permissionGranted({ permission: 'media', urls: app, mediaTypes: ['audio'] }, isApp)).toBe(true);
    expect(permissionGranted({ permission: 'notifications', urls: app, mediaTypes: [] }, isApp)).toBe(true);
    expect(
      permissionGranted({ permission: 'clipboard-sanitized-write', urls: app, mediaTypes: [] }, isApp),
    ).toBe(true);
  });

  it('refuses media that includes the camera, or says nothing of what it captures', () => {
    expect(permissionGranted({ permission: 'media', urls: app, mediaTypes: ['video'] }, isApp)).toBe(false);
    expect(permissionGranted({ permission: 'media', urls: app, mediaTypes: ['audio', 'video'] }, isApp)).toBe(
      false,
    );
    expect(permissionGranted({ permission: 'media', urls: app, mediaTypes: [] }, isApp)).toBe(false);
  });

  it('refuses anything asked from another page, or when any URL involved is not the app', () => {
    const evil = 'https://evil.example/';
    expect(permissionGranted({ permission: 'media', urls: [evil], mediaTypes: ['audio'] }, isApp)).toBe(
      false,
    );
    expect(
      permissionGranted({ permission: 'media', urls: [...app, evil], mediaTypes: ['audio'] }, isApp),
    ).toBe(false);
    expect(permissionGranted({ permission: 'notifications', urls: [], mediaTypes: [] }, isApp)).toBe(false);
  });

  it('refuses every other permission, even to the app', () => {
    for (const permission of ['geolocation', 'openExternal', 'hid', 'clipboard-read', 'display-capture'])
      expect(permissionGranted({ permission, urls: app, mediaTypes: [] }, isApp), permission).toBe(false);
  });
});
