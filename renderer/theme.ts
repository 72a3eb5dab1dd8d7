// The app's look: Mantine's defaults with fonts that render 简体中文 well on every OS, and colours
// dark enough for WCAG AA contrast (Mantine's default dimmed grey, primary shade, the red of a
// field's error message and a titled toast's message fall short).
import { createTheme, Notification, type CSSVariablesResolver } from '@mantine/core';

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
