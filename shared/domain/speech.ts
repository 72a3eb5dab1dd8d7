// A speech: one recording or imported audio or video file, with what the member says about it.
import { z } from 'zod';
import { SpeechTarget } from '../audio/timerLights';

export const speechFormatVersion = 1;

export const SpeechId = z.string().regex(/^[0-9a-f-]{36}$/, 'not a speech id');
/** Bounds of what a member writes about a speech: the API checks them, the forms use the same numbers. */
export const speechLimits = { title: 200, tag: 40, tags: 20 } as const;
export const SpeechTitle = z.string().trim().min(1).max(speechLimits.title);
export const SpeechTag = z.string().trim().min(1).max(speechLimits.tag);

export const speechSources = ['recording', 'import', 'recovered'] as const;

/**
 * The language a speech is given in: how its speech rate reads (字/分钟 for Chinese, syllables a second
 * otherwise). Set from the UI language when it is recorded or imported; the member can change it.
 */
export const speechLanguages = ['zh', 'en', 'other'] as const;
export const SpeechLanguage = z.enum(speechLanguages);
export type SpeechLanguage = z.infer<typeof SpeechLanguage>;

/**
 * Formats Lectern keeps, by MIME type, with the extension it stores them under. Video is WebM (what
 * the camera records) or MP4 (a phone's MP4 or MOV: the same ISO family, which Chromium plays).
 */
export const mediaFormats = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
  'video/webm': 'webm',
  'video/mp4': 'mp4',
} as const;
export type MediaMimeType = keyof typeof mediaFormats;
export const MediaMimeType = z.enum(Object.keys(mediaFormats) as [MediaMimeType, ...MediaMimeType[]]);

export function isVideo(mimeType: string): boolean {
  return mimeType.startsWith('video/');
}

/** A video speech's picture: its size in pixels as displayed, and whether a poster frame is kept. */
export const SpeechVideo = z.object({
  width: z.number().int().min(1).max(16384),
  height: z.number().int().min(1).max(16384),
  poster: z.boolean().default(false),
});
export type SpeechVideo = z.infer<typeof SpeechVideo>;

export const Speech = z.object({
  format: z.literal(speechFormatVersion),
  id: SpeechId,
  title: SpeechTitle,
  createdAt: z.string().datetime(),
  durationMs: z.number().int().min(0),
  mimeType: MediaMimeType,
  byteSize: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.enum(speechSources),
  originalName: z.string().max(255).optional(),
  target: SpeechTarget.optional(),
  tags: z.array(SpeechTag).max(speechLimits.tags).default([]),
  /** Absent on speeches saved before it existed: then the UI language decides. */
  language: SpeechLanguage.optional(),
  peaks: z.object({ sampleRate: z.number().int(), samplesPerPixel: z.number().int() }),
  /** Present on a video speech (its mimeType is video/…). */
  video: SpeechVideo.optional(),
});
export type Speech = z.infer<typeof Speech>;

/** Where a speech's audio (or video) is served, on either host; the renderer's `mediaUrl` makes it loadable. */
export function speechAudioPath(id: string): string {
  return `/media/speeches/${id}/audio`;
}

/** Where a video speech's poster frame (JPEG) is served. */
export function speechPosterPath(id: string): string {
  return `/media/speeches/${id}/poster`;
}
