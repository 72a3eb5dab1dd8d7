// The played part of the waveform can be told from the rest, and from the background, in both schemes.
import { describe, expect, it } from 'vitest';
import { waveColors } from './waveColors';

/** WCAG 2 contrast ratio of two #rrggbb colours. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string) => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const v = parseInt(hex.slice(i, i + 2), 16) / 255;
      return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * bl!;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi! + 0.05) / (lo! + 0.05);
}

const backgrounds = { light: '#ffffff', dark: '#242424' } as const;

describe('waveColors', () => {
  for (const scheme of ['light', 'dark'] as const) {
    it(`sets the played part 3:1 apart from the rest and the background (${scheme})`, () => {
      const { waveColor, progressColor, cursorColor } = waveColors[scheme];
      // Opaque: wavesurfer paints progress through the wave's alpha.
      for (const colour of [waveColor, progressColor, cursorColor]) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
      expect(contrast(progressColor, waveColor)).toBeGreaterThanOrEqual(3);
      expect(contrast(progressColor, backgrounds[scheme])).toBeGreaterThanOrEqual(3);
      expect(contrast(cursorColor, backgrounds[scheme])).toBeGreaterThanOrEqual(3);
    });
  }
});
