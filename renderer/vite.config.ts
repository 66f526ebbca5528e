import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { antdComponentStyles } from './vite/antd-component-styles.js';
import { META_CONTENT_SECURITY_POLICY } from '../shared/security/content-security-policy.mjs';

const root = fileURLToPath(new URL('.', import.meta.url));
const CSP_MARKER = /<!-- The Content-Security-Policy meta tag is written here .*?-->/;

/** The page's CSP meta tag, from the app's one policy (shared/security/content-security-policy.mjs). */
const contentSecurityPolicyMeta: Plugin = {
  name: 'zqa-csp-meta',
  transformIndexHtml(html) {
    if (!CSP_MARKER.test(html)) throw new Error('renderer/index.html: the CSP marker comment is missing');
    return html.replace(CSP_MARKER, `<meta http-equiv="Content-Security-Policy" content="${META_CONTENT_SECURITY_POLICY}" />`);
  },
};

/**
 * The renderer's build: one page, relative asset paths (`base: './'`) so the same output
 * loads from Electron's `loadFile` and from the browser host's static server.
 */
export default defineConfig({
  root,
  base: './',
  plugins: [react(), antdComponentStyles(), contentSecurityPolicyMeta],
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
            // Not zod: only what checks files and bridge calls needs it, and that loads later.
            { name: 'data', test: /node_modules[\\/](dexie|dexie-react-hooks|i18next|react-i18next)[\\/]/, priority: 5 },
            // Everything else the first screen imports statically, in one file: otherwise it
            // arrives as some 30 small chunks shared with later screens, and over HTTP (the
            // browser host, 6 connections) their requests queue; later screens import from it.
            { name: 'first-screen', tags: ['$initial'], priority: 1 },
          ],
        },
      },
    },
  },
});
