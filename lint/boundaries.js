// @ts-check
// Each folder's allow-list of imports (lint/allowed-imports.js): what code in that folder may
// import, by npm package, by Node built-in and by repository folder. Later entries override
// earlier ones for the files they match (flat config), so the narrow folders (the preload,
// the launcher) come after their parent. A package missing here is refused: add it to the one
// folder that needs it, with the reason in `why` if it is not obvious.
import zqa from './allowed-imports.js';

const RULE = 'zqa/allowed-imports';

/** @param {string[]} files @param {import('./allowed-imports.js').AllowList} allow */
const folder = (files, allow, ignores = []) => ({ files, ignores, plugins: { zqa }, rules: { [RULE]: ['error', allow] } });

/** What the renderer's code may import, before the narrower folders below take some of it away. */
const RENDERER_PACKAGES = ['react', 'react-dom', 'antd', '@ant-design/icons', 'i18next', 'react-i18next', 'dexie', 'dexie-react-hooks', 'zod', '@expo-google-fonts/noto-sans-sc', '@expo-google-fonts/noto-serif-sc', 'pdfjs-dist'];
/** The renderer's shared folders a workspace's screens may use besides their own workspace. */
const SCREEN_FOLDERS = ['renderer/src/app', 'renderer/src/ui', 'renderer/src/i18n', 'renderer/src/report', 'renderer/src/packages', 'renderer/src/device', 'shared'];
/** The renderer's workspaces (docs/ARCHITECTURE.md, "The renderer's folders"), each with the files outside it that its screens show (named as they are imported). */
const WORKSPACES = {
  expert: [],
  leader: [],
  countersign: ['renderer/src/workspaces/leader/leader.css'],
  secretariat: [],
  identity: [],
  backup: ['renderer/src/journal/journal-at-rest.js'],
};

/**
 * A workspace's screens (every file of it outside its store/) read and write through their
 * store's hooks and functions: never the database (db/), Dexie or the host directly, so what a
 * screen does to the data is in one place per workspace, testable without a page.
 */
const workspaceScreens = Object.entries(WORKSPACES).map(([name, alsoShown]) =>
  folder(
    [`renderer/src/workspaces/${name}/**/*.{ts,tsx}`],
    {
      packages: RENDERER_PACKAGES.filter((p) => p !== 'dexie' && p !== 'dexie-react-hooks'),
      nodeBuiltins: false,
      folders: [`renderer/src/workspaces/${name}`, ...alsoShown, ...SCREEN_FOLDERS],
      why: `a screen of the ${name} workspace reads and writes only through its store (workspaces/${name}/store/), never db/, Dexie or host/ directly`,
    },
    [`renderer/src/workspaces/${name}/store/**`],
  ),
);

export const BOUNDARIES = [
  folder(['shared/**/*.{ts,mts,mjs,js}'], {
    packages: ['zod', 'pkijs', 'asn1js', 'fflate', 'pdfmake', 'write-excel-file'],
    nodeBuiltins: false,
    folders: ['shared'],
    why: 'shared/ is the pure core: it runs in Node, Chromium and Electron alike and depends on no host',
  }),
  folder(['renderer/src/**/*.{ts,tsx}'], {
    packages: RENDERER_PACKAGES,
    nodeBuiltins: false,
    folders: ['renderer/src', 'shared'],
    why: 'the renderer is a web page: it reaches its host only through the bridge',
  }),
  folder(['renderer/src/db/**/*.ts'], {
    packages: ['dexie', 'dexie-react-hooks', 'react', 'zod'],
    nodeBuiltins: false,
    folders: ['renderer/src/db', 'renderer/src/journal', 'shared'],
    why: 'the database, its migrations and its record types stand below every workspace: db/ imports nothing from workspaces/',
  }),
  ...workspaceScreens,
  folder(['renderer/*.{ts,mjs,mts}'], {
    packages: ['vite', '@vitejs/plugin-react'],
    nodeBuiltins: true,
    folders: ['renderer', 'shared/security'],
    why: "the renderer's build config and the browser host's server run in Node",
  }),
  folder(['renderer/vite/**/*.ts'], {
    packages: ['vite', 'antd', 'react', '@ant-design/cssinjs', '@ant-design/static-style-extract'],
    nodeBuiltins: true,
    folders: ['renderer/vite'],
    why: "the build's antd style plugin renders antd's components in Node to split antd's CSS per component",
  }),
  folder(['electron/**/*.ts'], {
    packages: ['electron', 'electron-store', 'zod'],
    nodeBuiltins: true,
    folders: ['electron', 'node', 'shared'],
    why: "the main process: Electron, Node, Node's files for streamed packages and the pure core",
  }),
  folder(['electron/preload.ts'], {
    packages: ['electron'],
    nodeBuiltins: false,
    folders: ['shared/bridge'],
    why: 'a sandboxed preload can require only electron',
  }),
  folder(['electron/launch/**/*.ts'], {
    packages: [],
    nodeBuiltins: true,
    folders: ['electron/launch', 'renderer/serve.mjs'],
    why: "npm start's launcher runs in plain Node before any build, and starts the browser host's server",
  }),
  folder(['electron/vite.config.ts'], { packages: ['vite'], nodeBuiltins: true, folders: [] }),
  folder(['node/**/*.ts'], {
    packages: [],
    nodeBuiltins: true,
    folders: ['node', 'shared'],
    why: "Node's side of the pure core (files read and written a chunk at a time, the native cipher), shared by zqa and the Electron main process: no Electron, no command line",
  }),
  folder(['cli/**/*.{ts,mjs,js}'], {
    packages: ['zod', 'tsx'],
    nodeBuiltins: true,
    folders: ['cli', 'node', 'shared'],
    why: 'zqa runs the pure core in Node',
  }),
  folder(['build/**/*.{mjs,cjs,js,mts}'], { packages: ['@electron/fuses'], nodeBuiltins: true, folders: ['build'] }),
  folder(['bench/**/*.{mjs,js,ts}'], {
    packages: ['playwright-core', 'tsx'],
    nodeBuiltins: true,
    folders: ['bench', 'renderer/serve.mjs', 'shared', 'node', 'cli/lib', 'electron/files', 'electron/ipc', 'electron/security', 'renderer/src/host/handle-stream.ts'],
    computed: true,
    why: 'the bench runner loads its bench files by name',
  }),
  folder(['test/**/*.{ts,tsx,mjs}'], {
    packages: ['vitest', 'playwright-core', 'fast-check', 'fake-indexeddb', 'dexie', 'fflate', 'zod', 'i18next', 'vite', 'ajv', 'conf', 'electron', '@electron/fuses', '@electron/asar', 'eslint', 'typescript'],
    nodeBuiltins: true,
    folders: ['test', 'shared', 'node', 'renderer', 'electron', 'cli', 'build', 'bench', 'lint', 'package.json'],
    why: 'tests drive every part, but bring in only the tools listed',
  }),
  folder(['test/unit/bench-figures.test.ts'], {
    packages: ['vitest'],
    nodeBuiltins: true,
    folders: ['bench'],
    computed: true,
    why: 'checks every bench file declares the ids it reports, so it loads each by name',
  }),
  folder(['lint/**/*.js'], { packages: [], nodeBuiltins: true, folders: ['lint'] }),
  folder(['*.{js,ts}'], {
    packages: ['@eslint/js', 'typescript-eslint', 'eslint-plugin-react-hooks', 'globals', 'vitest'],
    nodeBuiltins: true,
    folders: ['lint'],
  }),
];
