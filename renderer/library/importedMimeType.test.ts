// What a member's file becomes: a phone's MP4 or MOV with a picture is a video speech, the same file
// with sound alone an audio one, a picture with no sound is refused with its own reason.
import { ADTS, FLAC, MATROSKA, MP3, MP4, OGG, QTFF, WAVE, WEBM, type InputFormat } from 'mediabunny';
import { describe, expect, it } from 'vitest';
import { LecternError } from '../../shared/api/errors';
import { importedMimeType, type FoundTracks } from './importedMimeType';

const aac = { codec: 'aac' } as const;
const opus = { codec: 'opus' } as const;

function refusal(format: InputFormat, tracks: FoundTracks): string | undefined {
  try {
    importedMimeType(format, tracks);
    return undefined;
  } catch (error) {
    return error instanceof LecternError ? error.messageKey : String(error);
  }
}

describe('importedMimeType', () => {
  it('keeps an MP4 or MOV with H.264 or HEVC and AAC as video/mp4', () => {
    for (const format of [MP4, QTFF]) {
      expect(importedMimeType(format, { video: 'avc', audio: aac }), format.name).toBe('video/mp4');
      expect(importedMimeType(format, { video: 'hevc', audio: aac }), format.name).toBe('video/mp4');
    }
  });

  it('keeps the same containers with sound alone as audio, as before', () => {
    expect(importedMimeType(MP4, { video: null, audio: aac })).toBe('audio/mp4');
    expect(importedMimeType(QTFF, { video: null, audio: aac })).toBe('audio/mp4');
    expect(importedMimeType(WEBM, { video: null, audio: opus })).toBe('audio/webm');
    expect(importedMimeType(MP3, { video: null, audio: { codec: 'mp3' } })).toBe('audio/mpeg');
    expect(importedMimeType(WAVE, { video: null, audio: { codec: 'pcm-s16' } })).toBe('audio/wav');
    expect(importedMimeType(OGG, { video: null, audio: opus })).toBe('audio/ogg');
    expect(importedMimeType(ADTS, { video: null, audio: aac })).toBe('audio/aac');
    expect(importedMimeType(FLAC, { video: null, audio: { codec: 'flac' } })).toBe('audio/flac');
  });

  it('keeps a WebM or Matroska with VP8, VP9 or AV1 and Opus or Vorbis as video/webm', () => {
    expect(importedMimeType(WEBM, { video: 'vp9', audio: opus })).toBe('video/webm');
    expect(importedMimeType(WEBM, { video: 'vp8', audio: { codec: 'vorbis' } })).toBe('video/webm');
    expect(importedMimeType(MATROSKA, { video: 'av1', audio: opus })).toBe('video/webm');
  });

  it('refuses a Matroska whose codecs a WebM cannot hold (main remuxes it, and cannot re-encode)', () => {
    expect(refusal(MATROSKA, { video: 'avc', audio: aac })).toBe('errors.unreadableAudio');
    expect(refusal(MATROSKA, { video: null, audio: aac })).toBe('errors.unreadableAudio');
  });

  it('says a picture without sound needs its sound, in any video container', () => {
    for (const format of [MP4, QTFF, WEBM, MATROSKA]) {
      expect(refusal(format, { video: 'avc', audio: null }), format.name).toBe('errors.videoWithoutSound');
    }
  });

  it('calls a file with neither, or with a sound nobody can name, unreadable', () => {
    expect(refusal(MP4, { video: null, audio: null })).toBe('errors.unreadableAudio');
    expect(refusal(MP4, { video: 'avc', audio: { codec: null } })).toBe('errors.unreadableAudio');
  });
});
