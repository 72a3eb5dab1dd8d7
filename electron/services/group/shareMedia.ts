// What sharing a speech stores: its file as it is, or a video's audio alone extracted to a temporary
// file; its peaks as the group's blob format; the sizes the share choice shows; and the cap check
// that refuses a file before anything is copied into the group.
import { promises as fs } from 'node:fs';
import path from 'node:path';
import { peaksFromBytes } from '../../../shared/audio/peaks';
import { LecternError } from '../../../shared/api/errors';
import { isVideo } from '../../../shared/domain/speech';
import { sweepStaleTemps, tempName } from '../groupFolder/atomicWrite';
import { MAX_BLOB_BYTES } from '../groupFolder/blobStore';
import { audioOnlyBytes, audioOnlyMime, extractAudio } from './audioOnly';
import type { VideoMime } from './audioOnly';

/** Where a video's audio is extracted before it is stored as a blob (in the group's data dir). */
export const SHARE_TEMP_DIR = 'share-temp';

/** What the share choice shows: the file shared with the picture, about its audio alone, the group's cap. */
export interface ShareSizes {
  bytes: number;
  /** About (estimated) how big the audio alone is; null for an audio speech. */
  audioOnlyBytes: number | null;
  maxBytes: number | null;
}

export interface MediaToShare {
  path: string;
  mimeType: string;
  byteSize: number;
  /** Removes a temporary file (nothing for the speech's own). */
  dispose(): Promise<void>;
}

type MediaFile = { path: string; mimeType: string };

/** The speech's file, or with `picture: false` a video's audio alone in a temporary file of `tempDir`. */
export async function mediaToShare(
  file: MediaFile,
  picture: boolean,
  tempDir: string,
  now: number,
): Promise<MediaToShare> {
  if (picture || !isVideo(file.mimeType)) {
    const { size } = await fs.stat(file.path);
    return { ...file, byteSize: size, dispose: async () => {} };
  }
  await fs.mkdir(tempDir, { recursive: true });
  await sweepStaleTemps(tempDir, '.', now); // left by a crash midway
  const temp = path.join(tempDir, tempName());
  const dispose = () => fs.rm(temp, { force: true });
  try {
    await extractAudio(file.path, temp, file.mimeType as VideoMime);
    const { size } = await fs.stat(temp);
    return { path: temp, mimeType: audioOnlyMime[file.mimeType as VideoMime], byteSize: size, dispose };
  } catch (err) {
    await dispose();
    throw err;
  }
}

export async function shareSizesOf(file: MediaFile, maxBytes: number | null): Promise<ShareSizes> {
  const { size } = await fs.stat(file.path);
  return {
    bytes: size,
    audioOnlyBytes: isVideo(file.mimeType) ? await audioOnlyBytes(file.path) : null,
    maxBytes,
  };
}

/** Refuses a file over the group's cap, or over what any reader takes as a blob (a long video may be). */
export function checkShareCap(byteSize: number, video: boolean, cap: number | null): void {
  const maxBytes = Math.min(cap ?? MAX_BLOB_BYTES, MAX_BLOB_BYTES);
  if (byteSize > maxBytes)
    throw new LecternError('invalid_input', video ? 'errors.shareTooLargeVideo' : 'errors.shareTooLarge', {
      maxBytes,
      byteSize,
    });
}

/** The BBC audiowaveform JSON the member's own speeches keep, so one reader serves both. */
export function peaksBlob(peaks: { sampleRate: number; samplesPerPixel: number; data: Uint8Array }): Buffer {
  return Buffer.from(JSON.stringify(peaksFromBytes(peaks.data, peaks.sampleRate, peaks.samplesPerPixel)));
}
