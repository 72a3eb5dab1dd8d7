// Common speech lengths (Toastmasters' Table Topics, icebreaker, standard and advanced projects).
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

export function targetFromPreset(id: string): SpeechTarget | undefined {
  return targetPresets.find((preset) => preset.id === id)?.target;
}

export function presetOfTarget(target: SpeechTarget | undefined): string {
  return (
    targetPresets.find(
      (p) => p.target?.minSeconds === target?.minSeconds && p.target?.maxSeconds === target?.maxSeconds,
    )?.id ?? 'none'
  );
}
