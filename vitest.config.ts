import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// Node for shared/ and main-process services; happy-dom for React components.
export default defineConfig({
  plugins: [react()],
  test: {
    globalSetup: ['tests/support/vitestTempRoot.ts'],
    projects: [
      {
        extends: true,
        test: {
          name: 'node',
          environment: 'node',
          // A guard against hangs, not a speed check: property tests and folder I/O take seconds on a busy machine.
          testTimeout: 30_000,
          include: [
            'shared/**/*.test.ts',
            'electron/**/*.test.ts',
            'renderer/**/*.test.ts',
            'tests/unit/**/*.test.ts',
            'tests/bench/**/*.test.ts',
          ],
        },
      },
      {
        // Packs the app with electron-builder (npm run test:package, after a build): not in test:unit.
        extends: true,
        test: {
          name: 'package',
          environment: 'node',
          include: ['tests/package/**/*.test.ts'],
          testTimeout: 60_000,
        },
      },
      {
        extends: true,
        test: {
          name: 'dom',
          environment: 'happy-dom',
          testTimeout: 30_000,
          include: ['renderer/**/*.test.tsx'],
          setupFiles: ['renderer/testSetup.ts'],
        },
      },
    ],
  },
});
