// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const nodeBuiltins = ['fs', 'path', 'os', 'crypto', 'child_process', 'url', 'util', 'stream', 'buffer', 'process', 'events', 'worker_threads', 'http', 'https', 'net', 'zlib'];

/** Import bans that keep each process inside its boundary (STYLE.md, "What we take" 1). */
const banned = {
  electron: { name: 'electron', message: 'electron belongs to electron/ only.' },
  react: { group: ['react', 'react-dom', 'react/*', 'react-dom/*', 'antd', 'antd/*', 'react-i18next'], message: 'UI libraries belong to renderer/.' },
  dexie: { group: ['dexie', 'dexie-react-hooks'], message: 'Dexie belongs to renderer/.' },
  node: { group: ['node:*'], message: 'Node built-ins are not available in every host.' },
};
// Bare built-in names go in `paths`: as gitignore-style patterns they would also match
// our own folders (shared/util).
const nodeBuiltinPaths = nodeBuiltins.map((name) => ({ name, message: 'Node built-ins are not available in every host.' }));

export default tseslint.config(
  { ignores: ['node_modules/', 'dist/', 'dist-electron/', 'dist-types/', 'release/', 'test-results/', 'bench/results*'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', '*.mjs', 'cli/*.mjs', 'renderer/*.mjs', 'bench/*.mjs', 'build/*.cjs', 'build/*.mjs', 'shared/report/pdfmake-engine.js'] }, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-explicit-any': 'error',
    },
  },
  {
    files: ['**/*.js', '**/*.mjs', '**/*.cjs'],
    ...tseslint.configs.disableTypeChecked,
    // Keep disableTypeChecked's parserOptions (no project service for plain JS): replacing
    // languageOptions whole would drop them and send every .js/.mjs through the default project.
    languageOptions: { ...tseslint.configs.disableTypeChecked.languageOptions, globals: { ...globals.node } },
  },
  {
    files: ['shared/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ ...banned.electron, allowTypeImports: false }, ...nodeBuiltinPaths],
          patterns: [
            { ...banned.react, allowTypeImports: false },
            { ...banned.dexie, allowTypeImports: false },
            { ...banned.node, allowTypeImports: false },
            { group: ['**/renderer/**', '**/electron/**', '**/cli/**'], message: 'shared/ depends on nothing of the hosts.' },
          ],
        },
      ],
      'no-restricted-globals': ['error', 'self', 'fetch', 'indexedDB', 'setTimeout', 'setInterval', 'console', 'importScripts', 'postMessage', 'location', 'navigator', 'window', 'document', 'process', 'Buffer'],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': ['error', { paths: [banned.electron, ...nodeBuiltinPaths], patterns: [banned.node, { group: ['**/electron/**'], message: 'The renderer talks to the host only through the bridge.' }] }],
    },
  },
  {
    files: ['renderer/*.mjs', 'renderer/vite.config.ts', 'renderer/vite/**/*.ts'],
    rules: { '@typescript-eslint/no-restricted-imports': 'off' },
  },
  {
    files: ['electron/**/*.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': ['error', { patterns: [banned.react, banned.dexie, { group: ['**/renderer/**'], message: 'The host does not reach into the renderer.' }] }],
    },
  },
);
