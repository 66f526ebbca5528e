import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    projects: [
      // Some unit tests sign and check real keys or run unzip: 5 s is too short on a loaded 2-core machine.
      { test: { name: 'unit', include: ['test/unit/**/*.test.{ts,tsx}'], environment: 'node', testTimeout: 30_000 } },
      // Hooks do real work too (a report rendered and signed before its checks), which a shared
      // 2-core machine under load stretches past the default 10 s.
      { test: { name: 'integration', include: ['test/integration/**/*.test.ts'], environment: 'node', testTimeout: 120_000, hookTimeout: 120_000 } },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 180_000,
          hookTimeout: 120_000,
          // A poll waits for what the screen shows after a click; vitest's 1 s default is one
          // slow frame on a loaded 2-core machine. Only a failing poll ever waits this long.
          expect: { poll: { timeout: 10_000 } },
          // One Chromium at a time: the machine has 2 cores and tests own their profiles.
          fileParallelism: false,
        },
      },
    ],
  },
});
