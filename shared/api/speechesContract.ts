// The speeches part of the contract: recording (streamed in chunks) and importing, listing, editing,
// and the trash.
import { z } from 'zod';
import { SpeechMetrics } from '../audio/metrics/speechMetrics';
import { SpeechTarget } from '../audio/timerLights';
import {
  MediaMimeType,
  Speech,
  SpeechId,
  SpeechLanguage,
  SpeechTag,
  SpeechTitle,
  speechLimits,
} from '../domain/speech';

/** One chunk at most: MediaRecorder sends ~16 kB a second; a file with no path on disk, 4 MiB at a time. */
export const maxChunkBytes = 8 * 1024 * 1024;
const Bytes = z.instanceof(Uint8Array);

/** A poster frame is a JPEG of one video frame; at most this big. */
export const maxPosterBytes = 2 * 1024 * 1024;

/** A deleted speech stays in the trash this many days, then it is removed for good. */
export const speechTrashDays = 30;

/** A speech in the trash: when it was deleted and when it will be removed for good. */
export const TrashedSpeech = z
  .object({ speech: Speech, deletedAt: z.string().datetime(), purgeAt: z.string().datetime() })
  .strict();
export type TrashedSpeech = z.infer<typeof TrashedSpeech>;

/** At most this many speeches are removed by one "empty trash". */
export const maxEmptiedAtOnce = 10_000;

export const speechesContract = {
  'speeches.begin': {
    input: z
      .object({
        source: z.enum(['recording', 'import']),
        mimeType: MediaMimeType,
        title: SpeechTitle,
        originalName: z.string().max(255).optional(),
        target: SpeechTarget.optional(),
        language: SpeechLanguage.optional(),
        sampleRate: z.number().int().min(8000).max(384000),
        samplesPerPixel: z.number().int().min(1).max(100000),
      })
      .strict(),
    output: z.object({ speechId: SpeechId }),
  },
  'speeches.append': {
    input: z
      .object({
        speechId: SpeechId,
        audio: Bytes.refine((b) => b.byteLength <= maxChunkBytes, 'chunk too large'),
        peaks: Bytes.refine((b) => b.byteLength % 2 === 0, 'peaks come in min/max pairs').optional(),
      })
      .strict(),
    output: z.object({ audioBytes: z.number() }),
  },
  /**
   * Desktop only: main copies a file the member picked or dropped, named by its path, into an import's
   * audio, so its bytes never cross IPC. `bytes` is the size the renderer saw; another size is refused.
   * The web host refuses it: there the bytes come in one streamed upload (PUT /upload/speeches/<id>).
   */
  'speeches.importFrom': {
    input: z
      .object({ speechId: SpeechId, path: z.string().min(1).max(4096), bytes: z.number().int().min(0) })
      .strict(),
    output: z.object({ audioBytes: z.number() }),
  },
  'speeches.finish': {
    input: z.object({ speechId: SpeechId, durationMs: z.number().int().min(0).optional() }).strict(),
    output: Speech,
  },
  'speeches.discard': { input: z.object({ speechId: SpeechId }).strict(), output: z.null() },
  'speeches.list': { input: z.object({}).strict(), output: z.array(Speech) },
  /**
   * A speech's waveform peaks (int8 min/max pairs). With `maxPairs`, neighbouring pairs are merged
   * until at most that many are left (a player needs no more than it draws); `samplesPerPixel` then
   * says what one returned pair covers.
   */
  'speeches.peaks': {
    input: z
      .object({ speechId: SpeechId, maxPairs: z.number().int().min(1).max(1_000_000).optional() })
      .strict(),
    output: z.object({ sampleRate: z.number(), samplesPerPixel: z.number(), data: Bytes }),
  },
  'speeches.update': {
    input: z
      .object({
        speechId: SpeechId,
        title: SpeechTitle.optional(),
        tags: z.array(SpeechTag).max(speechLimits.tags).optional(),
        target: SpeechTarget.nullable().optional(),
        language: SpeechLanguage.optional(),
      })
      .strict(),
    output: Speech,
  },
  /** The speech's delivery metrics, or null while none were computed (older speeches: the renderer computes them). */
  'speeches.metrics': {
    input: z.object({ speechId: SpeechId }).strict(),
    output: SpeechMetrics.nullable(),
  },
  /** Keeps the metrics the renderer computed from the speech's audio (replacing any kept before). */
  'speeches.saveMetrics': {
    input: z.object({ speechId: SpeechId, metrics: SpeechMetrics }).strict(),
    output: z.null(),
  },
  /** Keeps a video speech's poster frame (a JPEG the renderer drew from the video). */
  'speeches.savePoster': {
    input: z
      .object({
        speechId: SpeechId,
        jpeg: Bytes.refine((b) => b.byteLength > 0 && b.byteLength <= maxPosterBytes, 'poster too large'),
      })
      .strict(),
    output: Speech,
  },
  /** Bytes free on the disk that holds the speeches (a recording warns before it runs out). */
  'speeches.freeSpace': { input: z.object({}).strict(), output: z.object({ freeBytes: z.number().min(0) }) },
  'speeches.delete': { input: z.object({ speechId: SpeechId }).strict(), output: z.null() },
  'speeches.restore': { input: z.object({ speechId: SpeechId }).strict(), output: Speech },
  'speeches.trash': { input: z.object({}).strict(), output: z.array(TrashedSpeech) },
  'speeches.deleteForever': { input: z.object({ speechId: SpeechId }).strict(), output: z.null() },
  /** Removes the speeches listed (those the member saw in the trash), not any deleted since. */
  'speeches.emptyTrash': {
    input: z.object({ speechIds: z.array(SpeechId).max(maxEmptiedAtOnce) }).strict(),
    output: z.object({ removed: z.number().int().min(0) }),
  },
} as const;

export const speechesEvents = {
  /** Speeches were added, changed, removed or recovered; lists should reload. */
  'speeches.changed': z.object({}),
} as const;
