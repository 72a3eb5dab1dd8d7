// The app's look: Mantine's defaults with fonts that render 简体中文 well on every OS, and colours
// dark enough for WCAG AA contrast (Mantine's default dimmed grey, primary shade and the red of a
// field's error message fall short).
import { createTheme, type CSSVariablesResolver } from '@mantine/core';

const fontFamily =
  '-apple-system, BlinkMacSystemFont, "Segoe UI", Roboto, "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Noto Sans SC", sans-serif';

export const theme = createTheme({
  primaryColor: 'indigo',
  primaryShade: { light: 8, dark: 8 },
  fontFamily,
  headings: { fontFamily },
  defaultRadius: 'md',
});

export const cssVariablesResolver: CSSVariablesResolver = (resolved) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': resolved.colors.gray[7],
    // Mantine darkens a selected light item on hover to indigo-2, where its text falls below AA.
    '--mantine-primary-color-light-hover': resolved.colors.indigo[1],
    '--mantine-color-error': resolved.colors.red[9],
  },
  dark: {
    '--mantine-color-dimmed': resolved.colors.dark[1],
    '--mantine-color-error': resolved.colors.red[4],
  },
});
