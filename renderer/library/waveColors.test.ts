// The played part of the waveform can be told from the rest, and from the background, in both schemes.
import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../theme';
import { waveColors } from './waveColors';

const backgrounds = { light: '#ffffff', dark: '#242424' } as const;

describe('waveColors', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`sets the played part 3:1 apart from the rest and the background (${scheme})`, () => {
      const { waveColor, progressColor, cursorColor } = waveColors[scheme];
      // Opaque: wavesurfer paints progress through the wave's alpha.
      for (const colour of [waveColor, progressColor, cursorColor]) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrastRatio(progressColor, waveColor)).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(progressColor, backgrounds[scheme])).toBeGreaterThanOrEqual(3);
      expect(contrastRatio(cursorColor, backgrounds[scheme])).toBeGreaterThanOrEqual(3);
    });
  }
});
