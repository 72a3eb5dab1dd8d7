// How much recording the disk still holds at the chosen format: warn when under ten minutes fit, refuse
// to start when not even one does. Pure arithmetic, so the thresholds are tested without a disk.
import { videoAudioBitsPerSecond, videoQualitySettings, type VideoQuality } from './videoQuality';

export type RecordMode = 'audio' | 'video';

/** Chromium's MediaRecorder gives an audio-only recording Opus at about 128 kbit/s (~16 kB a second). */
const audioOnlyBitsPerSecond = 128_000;
/** Encoders overshoot their bitrate on busy pictures, and WebM adds its clusters and cues: a fifth more. */
const headroom = 1.2;

export const warnBelowMinutes = 10;
export const refuseBelowMinutes = 1;

/** The bitrate the recorder is asked for, picture and voice together. */
export function recordingBitsPerSecond(mode: RecordMode, quality: VideoQuality): number {
  return mode === 'video'
    ? videoQualitySettings[quality].videoBitsPerSecond + videoAudioBitsPerSecond
    : audioOnlyBitsPerSecond;
}

/** Bytes a second of recording may take on disk: the bitrate with headroom, for the disk check. */
export function recordingBytesPerSecond(mode: RecordMode, quality: VideoQuality): number {
  return (recordingBitsPerSecond(mode, quality) / 8) * headroom;
}

/** About how many megabytes an hour of recording takes at its bitrate (shown by the quality picker), to tens. */
export function megabytesPerHour(mode: RecordMode, quality: VideoQuality): number {
  return Math.round(((recordingBitsPerSecond(mode, quality) / 8) * 3600) / 1e7) * 10;
}

export interface DiskBudget {
  /** Whole minutes of recording that still fit. */
  minutesLeft: number;
  /** ok: record; low: record, but say how little fits; full: do not start. */
  verdict: 'ok' | 'low' | 'full';
}

export function diskBudget(freeBytes: number, bytesPerSecond: number): DiskBudget {
  const minutes = freeBytes / bytesPerSecond / 60;
  const verdict = minutes < refuseBelowMinutes ? 'full' : minutes < warnBelowMinutes ? 'low' : 'ok';
  return { minutesLeft: Math.max(0, Math.floor(minutes)), verdict };
}
