#!/usr/bin/env node
// The `zqa` command. It runs the TypeScript sources through tsx so that the CLI and the app
// share shared/ byte for byte, with no separate build to forget.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
