import { describe, expect, it } from 'vitest';
import { customTarget, presetOfTarget, targetChoices, targetMinutes, targetPresets } from './targetPresets';

describe('the target field', () => {
  it('names a preset range by its preset, no target as none', () => {
    expect(presetOfTarget({ minSeconds: 300, maxSeconds: 420 })).toBe('standard');
    expect(presetOfTarget(undefined)).toBe('none');
  });

  it('names any other range (an assignment’s 3–4 or 0–1 min) as itself, never as "no target"', () => {
    for (const target of [
      { minSeconds: 180, maxSeconds: 240 },
      { minSeconds: 0, maxSeconds: 60 },
    ]) {
      expect(presetOfTarget(target)).toBe(customTarget);
      const choices = targetChoices(target);
      expect(choices.at(-1)).toEqual({ id: customTarget, target });
      expect(choices.filter((c) => c.id === presetOfTarget(target))).toHaveLength(1);
    }
  });

  it('offers only the presets while a preset or no target is in use', () => {
    expect(targetChoices({ minSeconds: 60, maxSeconds: 120 })).toHaveLength(targetPresets.length);
    expect(targetChoices(undefined)).toHaveLength(targetPresets.length);
  });

  it('states minutes to one decimal, as assignments do', () => {
    expect([0, 60, 90, 180, 240, 100].map(targetMinutes)).toEqual([0, 1, 1.5, 3, 4, 1.7]);
  });
});
