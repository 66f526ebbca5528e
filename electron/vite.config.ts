import { builtinModules } from 'node:module';
import { fileURLToPath } from 'node:url';
import { defineConfig, type EnvironmentOptions } from 'vite';

/**
 * Builds the Electron host: `main.ts` → `dist-electron/main.cjs` and `preload.ts` →
 * `dist-electron/preload.cjs`.
 *
 * Two separate environments rather than one build with two inputs: a sandboxed preload can
 * `require` nothing but `electron`, so it must be one self-contained file and may never share
 * a chunk with main. Both are CommonJS (a sandboxed preload must be) and bundle every npm
 * package (zod, electron-store, conf …) so the packed app needs no node_modules; only
 * Electron and Node built-ins stay external.
 */
const root = fileURLToPath(new URL('..', import.meta.url));
// ZQA_ELECTRON_OUT_DIR lets a test build into its own folder while another test packs dist-electron/.
const outDir = process.env.ZQA_ELECTRON_OUT_DIR ?? fileURLToPath(new URL('../dist-electron', import.meta.url));
const external = ['electron', /^electron\//, ...builtinModules, /^node:/];

function nodeEnvironment(entry: string, emptyOutDir: boolean, pureCalls: readonly string[] = []): EnvironmentOptions {
  return {
    consumer: 'server',
    resolve: { noExternal: true, external: [], conditions: ['node', 'import', 'default'] },
    build: {
      outDir,
      emptyOutDir,
      target: 'node22', // Electron 45 ships Node 24; node22 keeps the output conservative
      minify: false, // readable stack traces from users' machines
      sourcemap: false,
      copyPublicDir: false,
      reportCompressedSize: false,
      rolldownOptions: {
        input: { [entry]: fileURLToPath(new URL(`./${entry}.ts`, import.meta.url)) },
        external,
        treeshake: { manualPureFunctions: pureCalls },
        output: { format: 'cjs', entryFileNames: '[name].cjs', codeSplitting: false },
      },
    },
  };
}

export default defineConfig({
  root,
  publicDir: false,
  logLevel: 'warn',
  environments: {
    main: nodeEnvironment('main', true),
    // The preload needs only the channel names from the contract; its zod schemas are built
    // by calls the bundler cannot prove pure, so it is told they are (they are: schema
    // constructors), which keeps zod out of the preload.
    preload: nodeEnvironment('preload', false, ['z']),
  },
  builder: {
    // Main first: it empties dist-electron/, the preload build then adds its file.
    async buildApp(builder) {
      const { main, preload } = builder.environments;
      if (!main || !preload) throw new Error('electron/vite.config.ts: environments main and preload must be defined');
      await builder.build(main);
      await builder.build(preload);
    },
  },
});
