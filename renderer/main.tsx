// Renderer entry: read the profile's language (or the OS's), start i18n, render.
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n, languageFromLocale } from './i18n/i18n';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { db } from './state/db';
import { cssVariablesResolver, theme } from './theme';

async function start(): Promise<void> {
  const profile = await db.profiles.get('me').catch(() => undefined);
  await initI18n(profile?.language ?? languageFromLocale(navigator.language));
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <Notifications position="top-right" />
        <ErrorBoundary>
          <App />
        </ErrorBoundary>
      </MantineProvider>
    </StrictMode>,
  );
}

void start();
