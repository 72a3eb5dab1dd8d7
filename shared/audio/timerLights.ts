// Toastmasters-style timing lights: green once the minimum is reached, yellow at the midpoint of the
// target range, red at the maximum. Past max + 30 s a speech is over time (a disqualification at
// contests), which the UI shows as a flashing red.
import { z } from 'zod';

/** The longest target a speech may have (four hours): the API's bound and the forms'. */
export const MAX_TARGET_SECONDS = 4 * 3600;

export const SpeechTarget = z
  .object({
    minSeconds: z.number().int().min(0).max(MAX_TARGET_SECONDS),
    maxSeconds: z.number().int().min(1).max(MAX_TARGET_SECONDS),
  })
  .refine((t) => t.maxSeconds > t.minSeconds, { message: 'record.targetOrder' });
export type SpeechTarget = z.infer<typeof SpeechTarget>;

export type TimerLight = 'none' | 'green' | 'yellow' | 'red' | 'overtime';

export const overtimeGraceSeconds = 30;

export function timerLight(elapsedSeconds: number, target: SpeechTarget): TimerLight {
  const midpoint = (target.minSeconds + target.maxSeconds) / 2;
  if (elapsedSeconds >= target.maxSeconds + overtimeGraceSeconds) return 'overtime';
  if (elapsedSeconds >= target.maxSeconds) return 'red';
  if (elapsedSeconds >= midpoint) return 'yellow';
  if (elapsedSeconds >= target.minSeconds) return 'green';
  return 'none';
}

/** How a finished speech did against its target, for the library. */
export type TargetResult = 'short' | 'within' | 'long';

export function targetResult(durationSeconds: number, target: SpeechTarget): TargetResult {
  if (durationSeconds < target.minSeconds) return 'short';
  if (durationSeconds > target.maxSeconds + overtimeGraceSeconds) return 'long';
  return 'within';
}
