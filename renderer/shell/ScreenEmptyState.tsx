// The empty state every screen starts with: what will be here, and what to do now.
import { EmptyState } from '@mantine/core';
import type { ReactNode } from 'react';

interface Props {
  icon: ReactNode;
  title: string;
  description: string;
  children?: ReactNode;
}

export function ScreenEmptyState({ icon, title, description, children }: Props) {
  return (
    <EmptyState
      mt="xl"
      size="lg"
      variant="light"
      icon={icon}
      title={
        <span role="heading" aria-level={2}>
          {title}
        </span>
      }
      description={description}
      maw={560}
      mx="auto"
    >
      {children ? <EmptyState.Actions>{children}</EmptyState.Actions> : null}
    </EmptyState>
  );
}
