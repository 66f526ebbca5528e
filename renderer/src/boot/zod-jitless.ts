import { z } from 'zod';

// zod probes `new Function` to compile fast parsers; the app's CSP forbids eval, which makes
// Chromium log a violation on every start. Jitless mode never tries. Imported first by main.tsx.
z.config({ jitless: true });
