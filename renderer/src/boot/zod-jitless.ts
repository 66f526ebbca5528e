// zod's core only, not the library: the first screen loads no zod schema (docs/ARCHITECTURE.md,
// "The first screen"); its setting lives on globalThis, so it holds for the schemas loaded later too.
import { config } from 'zod/v4/core';

// zod probes `new Function` to compile fast parsers; the app's CSP forbids eval, which makes
// Chromium log a violation on every start. Jitless mode never tries. Imported first by main.tsx.
config({ jitless: true });
