// A video speech's audio alone, for groups on slow clouds: a WebM's Opus into an audio WebM, an MP4's
// AAC into an M4A. Packets are copied, nothing is re-encoded (main has no codecs), so it takes
// seconds and the sound is the member's own.
import {
  ALL_FORMATS,
  Conversion,
  FilePathSource,
  FilePathTarget,
  Input,
  Mp4OutputFormat,
  Output,
  WebMOutputFormat,
} from 'mediabunny';
import { LecternError } from '../../../shared/api/errors';

/** The audio format each video format's sound is kept in. */
export const audioOnlyMime = { 'video/webm': 'audio/webm', 'video/mp4': 'audio/mp4' } as const;
export type VideoMime = keyof typeof audioOnlyMime;

/** Writes the audio of `source` (a video of `mime`) at `destination`, a temporary name the caller removes. */
export async function extractAudio(source: string, destination: string, mime: VideoMime): Promise<void> {
  const input = new Input({ source: new FilePathSource(source), formats: ALL_FORMATS });
  try {
    if (!(await input.getPrimaryAudioTrack()))
      throw new LecternError('invalid_input', 'errors.noAudioToShare');
    // moov at the end (no fast start): the file is written as it goes, never held whole in memory;
    // players fetch the index with Range.
    const format = mime === 'video/webm' ? new WebMOutputFormat() : new Mp4OutputFormat({ fastStart: false });
    const output = new Output({ format, target: new FilePathTarget(destination) });
    const conversion = await Conversion.init({ input, output, video: { discard: true } });
    if (!conversion.isValid)
      throw new LecternError('invalid_input', 'errors.noAudioToShare', {
        discarded: conversion.discardedTracks.map((d) => d.reason),
      });
    await conversion.execute();
  } finally {
    input.dispose();
  }
}

/** Per packet, what the container adds (a WebM block's header, an MP4's sample table entries). */
const PACKET_OVERHEAD_BYTES = 12;
/** Headers, cues or the index's fixed part. */
const FILE_OVERHEAD_BYTES = 4096;

/**
 * About how big {@link extractAudio}'s file will be: the audio track's bitrate over its first packets
 * times the duration, plus the container's share. Reads only those packets' headers.
 */
export async function audioOnlyBytes(source: string): Promise<number> {
  const input = new Input({ source: new FilePathSource(source), formats: ALL_FORMATS });
  try {
    const track = await input.getPrimaryAudioTrack();
    if (!track) return 0;
    const stats = await track.computePacketStats(500);
    const seconds = await input.computeDuration();
    return Math.round(
      seconds * (stats.averageBitrate / 8 + stats.averagePacketRate * PACKET_OVERHEAD_BYTES) +
        FILE_OVERHEAD_BYTES,
    );
  } finally {
    input.dispose();
  }
}
