// A speech: one recording or imported audio file, with what the member says about it.
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

/** Audio formats Lectern accepts, by MIME type, with the extension it stores them under. */
export const audioFormats = {
  'audio/webm': 'webm',
  'audio/ogg': 'ogg',
  'audio/mpeg': 'mp3',
  'audio/mp4': 'm4a',
  'audio/aac': 'aac',
  'audio/wav': 'wav',
  'audio/flac': 'flac',
} as const;
export type AudioMimeType = keyof typeof audioFormats;
export const AudioMimeType = z.enum(Object.keys(audioFormats) as [AudioMimeType, ...AudioMimeType[]]);

export const Speech = z.object({
  format: z.literal(speechFormatVersion),
  id: SpeechId,
  title: SpeechTitle,
  createdAt: z.string().datetime(),
  durationMs: z.number().int().min(0),
  mimeType: AudioMimeType,
  byteSize: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  source: z.enum(speechSources),
  originalName: z.string().max(255).optional(),
  target: SpeechTarget.optional(),
  tags: z.array(SpeechTag).max(speechLimits.tags).default([]),
  /** Absent on speeches saved before it existed: then the UI language decides. */
  language: SpeechLanguage.optional(),
  peaks: z.object({ sampleRate: z.number().int(), samplesPerPixel: z.number().int() }),
});
export type Speech = z.infer<typeof Speech>;

/** Where a speech's audio is served, on either host; the renderer's `mediaUrl` makes it loadable. */
export function speechAudioPath(id: string): string {
  return `/media/speeches/${id}/audio`;
}
