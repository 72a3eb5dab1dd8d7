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

export function videoRecorderOptions(
  quality: VideoQuality,
  isTypeSupported: (mimeType: string) => boolean,
): MediaRecorderOptions {
  return {
    mimeType: videoMimeTypes.find((type) => isTypeSupported(type)) ?? videoMimeTypes[1],
    videoBitsPerSecond: videoQualitySettings[quality].videoBitsPerSecond,
    audioBitsPerSecond: videoAudioBitsPerSecond,
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
