import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { antdComponentStyles } from './vite/antd-component-styles.js';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The renderer's build: one page, relative asset paths (`base: './'`) so the same output
 * loads from Electron's `loadFile` and from the browser host's static server.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), antdComponentStyles()],
  build: {
    outDir: fileURLToPath(new URL('../dist/renderer', import.meta.url)),
    emptyOutDir: true,
    // The app is offline and local: one readable chunk per library family beats tiny files.
    chunkSizeWarningLimit: 1500,
    rolldownOptions: {
      output: {
        codeSplitting: {
          groups: [
            // React first: antd imports React, and a lower priority would pull React into antd's chunk.
            { name: 'react', test: /node_modules[\\/](react|react-dom|scheduler)[\\/]/, priority: 20 },
            { name: 'data', test: /node_modules[\\/](dexie|dexie-react-hooks|zod|i18next|react-i18next)[\\/]/, priority: 5 },
          ],
        },
      },
    },
  },
});
