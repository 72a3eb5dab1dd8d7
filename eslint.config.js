// Folders are layers (see docs/architecture.md); these import rules keep them apart.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

// Built-ins go by exact name (as patterns, 'domain' would also match our own shared/domain/).
const nodeBuiltins = (message) =>
  [...builtinModules, ...builtinModules.map((m) => `node:${m}`)].map((name) => ({ name, message }));
const restrict = (paths, ...patterns) => ['error', { paths, patterns }];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'test-results/**', 'playwright-report/**', 'node_modules/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': restrict(nodeBuiltins('shared/ is platform-free: no Node built-ins.'), {
        group: ['electron', '**/electron/**', '**/renderer/**', 'react', 'react-dom', 'dexie'],
        message: 'shared/ imports nothing of electron/ or renderer/.',
      }),
      'no-restricted-globals': [
        'error',
        'window',
        'document',
        'navigator',
        'localStorage',
        'process',
        'Buffer',
        'require',
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrict(nodeBuiltins('The renderer runs in a sandbox: no Node built-ins.'), {
        group: ['electron', '**/electron/**'],
        message: 'The renderer talks to main only through the API client.',
      }),
    },
  },
  {
    // Main-process services, the web host and the CLI are plain Node: only electron/main and the preload import electron.
    files: [
      'electron/common/**/*.ts',
      'electron/services/**/*.ts',
      'electron/web/**/*.ts',
      'electron/cli/**/*.ts',
    ],
    rules: {
      'no-restricted-imports': restrict(
        [],
        { group: ['electron'], message: 'Only electron/main wiring files import electron.' },
        { group: ['**/renderer/**'], message: 'electron/ never imports renderer/.' },
      ),
    },
  },
  {
    files: ['electron/main/**/*.ts', 'electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': restrict([], {
        group: ['**/renderer/**'],
        message: 'electron/ never imports renderer/.',
      }),
    },
  },
);
