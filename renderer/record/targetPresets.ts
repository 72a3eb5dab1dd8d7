// Common speech lengths (Toastmasters' Table Topics, icebreaker, standard and advanced projects), and
// the target field's choices: the presets, plus any other range in use (an assignment's 3–4 min), so
// the field always names the range the timer lights follow.
import type { SpeechTarget } from '../../shared/audio/timerLights';

export const targetPresets = [
  { id: 'none', target: undefined },
  { id: 'topics', target: { minSeconds: 60, maxSeconds: 120 } },
  { id: 'evaluation', target: { minSeconds: 120, maxSeconds: 180 } },
  { id: 'icebreaker', target: { minSeconds: 240, maxSeconds: 360 } },
  { id: 'standard', target: { minSeconds: 300, maxSeconds: 420 } },
  { id: 'advanced', target: { minSeconds: 480, maxSeconds: 600 } },
  { id: 'keynote', target: { minSeconds: 900, maxSeconds: 1200 } },
] as const satisfies readonly { id: string; target: SpeechTarget | undefined }[];

/** The choice for a range that is none of the presets. */
export const customTarget = 'custom';

export interface TargetChoice {
  id: string;
  target: SpeechTarget | undefined;
}

export function targetFromPreset(id: string): SpeechTarget | undefined {
  return targetPresets.find((preset) => preset.id === id)?.target;
}

/** The choice that names `target`: a preset's id, 'none', or {@link customTarget} for any other range. */
export function presetOfTarget(target: SpeechTarget | undefined): string {
  if (!target) return 'none';
  return (
    targetPresets.find(
      (p) => p.target?.minSeconds === target.minSeconds && p.target?.maxSeconds === target.maxSeconds,
    )?.id ?? customTarget
  );
}

/** The target field's choices while `target` is in use: the presets, and `target` itself when it is none of them. */
export function targetChoices(target: SpeechTarget | undefined): TargetChoice[] {
  const presets: TargetChoice[] = [...targetPresets];
  return presetOfTarget(target) === customTarget ? [...presets, { id: customTarget, target }] : presets;
}

/** Seconds as minutes to one decimal (3, 4, 2.5), as assignments state their targets. */
export function targetMinutes(seconds: number): number {
  return Math.round((seconds / 60) * 10) / 10;
}
