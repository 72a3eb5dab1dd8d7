// The last line of defence: a crash in a screen shows a translated message and a way back,
// instead of a blank window. Saved data is untouched.
import { Alert, Button, Center, Stack } from '@mantine/core';
import i18next from 'i18next';
import { Component, type ReactNode } from 'react';
import { reportToMain } from './reportToMain';

interface State {
  failed: boolean;
}

export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { failed: false };

  static getDerivedStateFromError(): State {
    return { failed: true };
  }

  override componentDidCatch(error: unknown): void {
    console.error(error);
    reportToMain('render', error);
  }

  override render(): ReactNode {
    if (!this.state.failed) return this.props.children;
    return (
      <Center mih="100vh" p="md">
        <Stack maw={480}>
          <Alert color="red" title={i18next.t('errors.title')}>
            {i18next.t('errors.internal')}
          </Alert>
          <Button onClick={() => window.location.reload()}>{i18next.t('errors.retry')}</Button>
        </Stack>
      </Center>
    );
  }
}
