// The app's look: Mantine's defaults with fonts that render 简体中文 well on every OS, and colours
// dark enough for WCAG AA contrast (Mantine's default dimmed grey, primary shade, the red of a
// field's error message and a titled toast's message fall short, and so does a light button's text
// on Mantine's hover shade).
import {
  createTheme,
  lighten,
  luminance,
  Notification,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  fontFamily,
  headings: { fontFamily },
  defaultRadius: 'md',
  components: {
    // Under a title Mantine greys a toast's message to gray-6, 3.3:1 on white: use the AA dimmed grey.
    Notification: Notification.extend({
      styles: (_theme, props) =>
        props.title ? { description: { color: 'var(--mantine-color-dimmed)' } } : {},
    }),
  },
});

/** WCAG contrast ratio of two colours. */
export function contrastRatio(a: string, b: string): number {
  const [lighter, darker] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (lighter! + 0.05) / (darker! + 0.05);
}

const AA_WITH_MARGIN = 4.6;

/**
 * A hovered light button or selected item: Mantine paints shade 2 under shade-9 text, 4.1:1 for
 * indigo and 3.8:1 for red. Lighten shade 2 just enough for AA, so hovering still shows.
 */
function accessibleLightHover(shades: MantineColorsTuple): string {
  for (let step = 0; step <= 20; step++) {
    const background = lighten(shades[2], step / 20);
    if (contrastRatio(shades[9], background) >= AA_WITH_MARGIN) return background;
  }
  return '#fff';
}

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    '--mantine-color-error': resolved.colors.red[9],
    ...Object.fromEntries(
      Object.entries(resolved.colors).map(([name, shades]) => [
        `--mantine-color-${name}-light-hover`,
        accessibleLightHover(shades),
      ]),
    ),
  },
  dark: {
    '--mantine-color-dimmed': resolved.colors.dark[1],
    '--mantine-color-error': resolved.colors.red[4],
  },
});
