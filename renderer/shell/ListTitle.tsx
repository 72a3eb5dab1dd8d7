// A title in a list: at most a few lines, broken anywhere if it must be (a long title with no space,
// in Chinese or not, would otherwise push its list sideways), with the whole title as its tooltip.
import { Text, type TextProps } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props extends TextProps {
  /** The whole title, for the tooltip. */
  title: string;
  /** What is shown, when it is more than the title's text (search matches marked). */
  children?: ReactNode;
  lines?: number;
}

export function ListTitle({ title, children, lines = 2, style, ...props }: Props) {
  return (
    <Text
      lineClamp={lines}
      title={title}
      style={[{ overflowWrap: 'anywhere', minWidth: 0 }, style]}
      {...props}
    >
      {children ?? title}
    </Text>
  );
}
