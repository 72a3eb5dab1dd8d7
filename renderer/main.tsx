// Renderer entry: read the profile's language (or the OS's), start i18n, render.
// The API module goes first: it takes a web session out of the URL fragment before anything reads the URL.
import './api/api';
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import '@mantine/charts/styles.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { initI18n, languageFromLocale } from './i18n/i18n';
import { watchAppNotices } from './shell/appNotices';
import { ErrorBoundary } from './shell/ErrorBoundary';
import { installErrorLog } from './shell/errorLog';
import { LocalizedDates } from './shell/LocalizedDates';
import { reportToMain } from './shell/reportToMain';
import { warmMediaPipeline } from './shell/warmMediaPipeline';
import { db } from './state/db';
import { cssVariablesResolver, theme } from './theme';

async function start(): Promise<void> {
  installErrorLog(window, reportToMain);
  const profile = await db.profiles.get('me').catch(() => undefined);
  await initI18n(profile?.language ?? languageFromLocale(navigator.language));
  watchAppNotices();
  createRoot(document.getElementById('root')!).render(
    <StrictMode>
      <MantineProvider theme={theme} cssVariablesResolver={cssVariablesResolver} defaultColorScheme="auto">
        <Notifications position="top-right" />
        <LocalizedDates>
          <ErrorBoundary>
            <App />
          </ErrorBoundary>
        </LocalizedDates>
      </MantineProvider>
    </StrictMode>,
  );
  void warmMediaPipeline();
}

void start();
