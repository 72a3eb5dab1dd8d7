import { describe, expect, it } from 'vitest';
import {
  diskBudget,
  megabytesPerHour,
  recordingBitsPerSecond,
  recordingBytesPerSecond,
  refuseBelowMinutes,
  warnBelowMinutes,
} from './recordingBudget';
import { videoRecorderOptions } from './videoQuality';

const MB = 1_000_000;

describe('the bitrate a recording is made at', () => {
  it('is about 1 Mbit/s at 720p and about half at 480p, picture and voice together', () => {
    expect(recordingBitsPerSecond('video', '720p')).toBeGreaterThan(900_000);
    expect(recordingBitsPerSecond('video', '720p')).toBeLessThanOrEqual(1_000_000);
    expect(recordingBitsPerSecond('video', '480p')).toBeGreaterThan(450_000);
    expect(recordingBitsPerSecond('video', '480p')).toBeLessThanOrEqual(500_000);
  });

  it('keeps an hour of 720p under 500 MB, and an hour of audio far smaller', () => {
    expect(megabytesPerHour('video', '720p')).toBe(450);
    expect(megabytesPerHour('video', '480p')).toBe(220);
    expect(megabytesPerHour('audio', '720p')).toBe(60);
  });

  it('counts a fifth more on disk than the bitrate, for overshoot and the container', () => {
    expect(recordingBytesPerSecond('video', '720p')).toBeCloseTo((996_000 / 8) * 1.2);
    // The quality matters only with the camera.
    expect(recordingBytesPerSecond('audio', '480p')).toBe(recordingBytesPerSecond('audio', '720p'));
  });

  it('asks MediaRecorder for VP9 where offered, else VP8, with the quality’s bitrates', () => {
    expect(videoRecorderOptions('720p', () => true)).toEqual({
      mimeType: 'video/webm;codecs=vp9,opus',
      videoBitsPerSecond: 900_000,
      audioBitsPerSecond: 96_000,
      videoKeyFrameIntervalDuration: 2000,
    });
    expect(videoRecorderOptions('480p', (type) => !type.includes('vp9'))).toMatchObject({
      mimeType: 'video/webm;codecs=vp8,opus',
      videoBitsPerSecond: 400_000,
    });
  });
});

describe('the disk’s room for recording', () => {
  const perSecond = recordingBytesPerSecond('video', '720p'); // ~149 kB: ~9 MB a minute

  it('is fine with ten minutes or more to spare', () => {
    expect(diskBudget(perSecond * 60 * warnBelowMinutes, perSecond)).toEqual({
      minutesLeft: 10,
      verdict: 'ok',
    });
    expect(diskBudget(500_000 * MB, perSecond).verdict).toBe('ok');
  });

  it('warns with under ten minutes left, saying how many whole minutes fit', () => {
    expect(diskBudget(perSecond * 60 * warnBelowMinutes - 1, perSecond)).toEqual({
      minutesLeft: 9,
      verdict: 'low',
    });
    expect(diskBudget(perSecond * 60 * 3.7, perSecond)).toEqual({ minutesLeft: 3, verdict: 'low' });
    expect(diskBudget(perSecond * 60 * refuseBelowMinutes, perSecond)).toEqual({
      minutesLeft: 1,
      verdict: 'low',
    });
  });

  it('refuses with not even a minute left, or a disk with nothing free', () => {
    expect(diskBudget(perSecond * 59, perSecond)).toEqual({ minutesLeft: 0, verdict: 'full' });
    expect(diskBudget(0, perSecond)).toEqual({ minutesLeft: 0, verdict: 'full' });
  });

  it('lets audio record where the same space is too little for video', () => {
    const free = 50 * MB;
    expect(diskBudget(free, recordingBytesPerSecond('video', '720p')).verdict).toBe('low');
    expect(diskBudget(free, recordingBytesPerSecond('video', '480p')).verdict).toBe('ok');
    expect(diskBudget(free, recordingBytesPerSecond('audio', '720p')).verdict).toBe('ok');
  });
});
