import { defineConfig } from '@playwright/test';
import { fakeCameraY4m } from './tests/e2e/fakeCamera';
import { fakeMicrophoneWav } from './tests/e2e/fakeMicrophone';

// Debian's Chromium, never a downloaded browser. The fake capture device lets recording tests
// speak real audio into getUserMedia, and the fake camera show frames that tell their time.
export default defineConfig({
  testDir: 'tests/e2e',
  globalSetup: './tests/e2e/globalSetup.ts',
  outputDir: 'test-results/playwright',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  workers: 2,
  reporter: [['list']],
  use: {
    browserName: 'chromium',
    viewport: { width: 1180, height: 780 },
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: [
        '--use-fake-ui-for-media-stream',
        '--use-fake-device-for-media-stream',
        `--use-file-for-fake-audio-capture=${fakeMicrophoneWav}`,
        `--use-file-for-fake-video-capture=${fakeCameraY4m}`,
      ],
    },
    trace: 'retain-on-failure',
  },
});
