// The picture a video recording asks the camera for and the bitrates it records at: 720p at about
// 1 Mbit/s in all (under 450 MB an hour), or 480p at about half that for a small disk or a slow cloud.
export const videoQualities = ['720p', '480p'] as const;
export type VideoQuality = (typeof videoQualities)[number];

export interface VideoQualitySettings {
  width: number;
  height: number;
  videoBitsPerSecond: number;
}

export const videoQualitySettings: Record<VideoQuality, VideoQualitySettings> = {
  '720p': { width: 1280, height: 720, videoBitsPerSecond: 900_000 },
  '480p': { width: 854, height: 480, videoBitsPerSecond: 400_000 },
};

/** Opus at 96 kbit/s keeps a voice clear; a video recording sets it so its size can be foretold. */
export const videoAudioBitsPerSecond = 96_000;

/** VP9 where MediaRecorder offers it (smaller at the same quality), else VP8; Opus for the voice either way. */
export const videoMimeTypes = ['video/webm;codecs=vp9,opus', 'video/webm;codecs=vp8,opus'] as const;

/**
 * A key frame at least every 2 s: a seek decodes from the key frame before it, and Chromium's own
 * interval (about 100 frames, 3.5 s) made a seek into an hour-long recording decode twice as much.
 */
export const keyFrameIntervalMs = 2000;

/** MediaRecorder's options, with the key-frame interval Chromium takes (not yet in TypeScript's DOM types). */
export type VideoRecorderOptions = MediaRecorderOptions & { videoKeyFrameIntervalDuration: number };

export function videoRecorderOptions(
  quality: VideoQuality,
  isTypeSupported: (mimeType: string) => boolean,
): VideoRecorderOptions {
  return {
    mimeType: videoMimeTypes.find((type) => isTypeSupported(type)) ?? videoMimeTypes[1],
    videoBitsPerSecond: videoQualitySettings[quality].videoBitsPerSecond,
    audioBitsPerSecond: videoAudioBitsPerSecond,
    videoKeyFrameIntervalDuration: keyFrameIntervalMs,
  };
}

/** What the camera is asked for: the quality's size as an ideal (a camera that cannot gives its nearest). */
export function cameraConstraints(
  quality: VideoQuality,
  cameraId: string | undefined,
): MediaTrackConstraints {
  const { width, height } = videoQualitySettings[quality];
  return {
    width: { ideal: width },
    height: { ideal: height },
    frameRate: { ideal: 30, max: 30 },
    ...(cameraId ? { deviceId: { exact: cameraId } } : {}),
  };
}
