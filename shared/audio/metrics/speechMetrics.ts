// The delivery metrics of one speech, as stored beside it and shared with the group: versioned and
// validated, since a shared file is input from a stranger (every number bounded, every list capped).
import { z } from 'zod';
import { maxQuietStretches } from './loudness';
import { maxListedPauses } from './pauses';

export const speechMetricsVersion = 1;

/** Longer than any recording Lectern keeps (a day). */
const maxSeconds = 24 * 3600;
const Seconds = z.number().finite().min(0).max(maxSeconds);
const Ratio = z.number().finite().min(0).max(1);

export const Stretch = z
  .object({ start: Seconds, end: Seconds })
  .refine((s) => s.end >= s.start, { message: 'a stretch ends after it starts' });

export const SpeechMetrics = z.object({
  version: z.literal(speechMetricsVersion),
  durationSec: Seconds,
  speakingTime: z.object({ speakingSec: Seconds, speakingRatio: Ratio, silenceRatio: Ratio }),
  pauses: z.object({
    count: z.number().int().min(0).max(1_000_000),
    longestSec: Seconds,
    totalSec: Seconds,
    /** Every pause over 2 s. */
    long: z.array(Stretch).max(maxListedPauses),
  }),
  loudness: z.object({
    integratedLufs: z.number().finite().min(-100).max(10).nullable(),
    rangeLu: z.number().finite().min(0).max(100).nullable(),
    /** Stretches much quieter than the rest of the speech. */
    quiet: z.array(Stretch).max(maxQuietStretches),
  }),
  pitch: z.object({
    medianHz: z.number().finite().min(20).max(2000).nullable(),
    rangeSemitones: z.number().finite().min(0).max(96).nullable(),
    sdSemitones: z.number().finite().min(0).max(96).nullable(),
    voicedSec: Seconds,
  }),
  speechRate: z.object({
    syllables: z.number().int().min(0).max(10_000_000),
    syllablesPerSecond: z.number().finite().min(0).max(50).nullable(),
    articulationRate: z.number().finite().min(0).max(50).nullable(),
    uncertainty: z.number().finite().min(0).max(50).nullable(),
  }),
});
export type SpeechMetrics = z.infer<typeof SpeechMetrics>;
