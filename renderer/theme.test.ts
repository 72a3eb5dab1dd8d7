import { DEFAULT_THEME, mergeMantineTheme } from '@mantine/core';
import { describe, expect, it } from 'vitest';
import { contrastRatio, cssVariablesResolver, theme } from './theme';

const resolved = mergeMantineTheme(DEFAULT_THEME, theme);
const light = cssVariablesResolver(resolved).light;

// Colours whose resting light button is readable (yellow, orange, lime, green, teal are not, even
// on white, and the app does not use them for light buttons).
const readableAtRest = Object.keys(resolved.colors).filter(
  (name) => contrastRatio(resolved.colors[name]![9], resolved.colors[name]![1]) >= 4.5,
);

describe('light buttons under the pointer', () => {
  it('covers the colours the app paints light buttons in', () => {
    expect(readableAtRest).toEqual(expect.arrayContaining(['indigo', 'red', 'blue', 'grape', 'gray']));
  });

  it.each(readableAtRest)('%s text stays AA-readable on its hover shade', (name) => {
    const shades = resolved.colors[name]!;
    const hover = light[`--mantine-color-${name}-light-hover`]!;
    expect(contrastRatio(shades[9], hover)).toBeGreaterThanOrEqual(4.5);
  });

  it('hovering the primary colour still changes the background', () => {
    const hover = light['--mantine-color-indigo-light-hover']!;
    expect(hover).not.toBe(resolved.colors.indigo[1]);
    expect(contrastRatio(hover, resolved.colors.indigo[1])).toBeGreaterThan(1.05);
  });
});
