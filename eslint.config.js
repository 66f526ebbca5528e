// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { BOUNDARIES } from './lint/boundaries.js';

/** Host globals the pure core must not touch, also when reached through a global object. */
const HOST_GLOBALS = ['self', 'fetch', 'indexedDB', 'setTimeout', 'setInterval', 'console', 'importScripts', 'postMessage', 'location', 'navigator', 'window', 'document', 'process', 'Buffer'];
const GLOBAL_OBJECTS = ['globalThis', 'self', 'window', 'global'];
const viaGlobalObject = (names, message) => GLOBAL_OBJECTS.flatMap((object) => names.map((property) => ({ object, property, message })));

/**
 * Electron features the app never uses and that open the renderer to the system: banned in
 * every file, tests included (docs/security.md).
 */
const SECURITY_SYNTAX = [
  { selector: "MemberExpression[property.name='openExternal']", message: 'shell.openExternal is not used: the app opens no external URL or file.' },
  { selector: "MemberExpression[property.value='openExternal']", message: 'shell.openExternal is not used: the app opens no external URL or file.' },
  { selector: "ImportDeclaration[source.value='electron'] ImportSpecifier[imported.name=/^(remote|shell)$/]", message: 'remote and shell are not used (the renderer reaches main only through the bridge).' },
  { selector: "MemberExpression[property.name='remote']", message: "Electron's remote module is not used." },
  { selector: "ImportDeclaration[source.value=/^@electron\\/remote/], ImportExpression[source.value=/^@electron\\/remote/], CallExpression[callee.name='require'][arguments.0.value=/^@electron\\/remote/]", message: "Electron's remote module is not used." },
  { selector: "Property[key.name=/^nodeIntegration/][value.raw!='false'], Property[key.value=/^nodeIntegration/][value.raw!='false']", message: 'nodeIntegration stays false: the renderer never gets Node.' },
  { selector: "AssignmentExpression > MemberExpression.left[property.name=/^nodeIntegration/]", message: 'nodeIntegration is set only in the window options, to false.' },
];

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
    files: ['shared/**/*.{ts,mjs,js}'],
    rules: {
      'no-restricted-globals': ['error', ...HOST_GLOBALS],
      'no-restricted-properties': ['error', ...viaGlobalObject(HOST_GLOBALS, 'shared/ uses no host global, not even through a global object.')],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-globals': ['error', 'process', 'Buffer', 'require'],
      'no-restricted-properties': ['error', ...viaGlobalObject(['process', 'Buffer', 'require'], 'The renderer is a web page: no Node globals.')],
    },
  },
  ...BOUNDARIES,
  { files: ['**/*.{ts,tsx,mts,js,mjs,cjs}'], rules: { 'no-restricted-syntax': ['error', ...SECURITY_SYNTAX] } },
);
