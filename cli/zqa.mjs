#!/usr/bin/env node
// The `zqa` command. It runs the TypeScript sources through tsx so that the CLI and the app
// share shared/ byte for byte, with no separate build to forget.
import { register } from 'tsx/esm/api';

register();
// `zqa rank DIR | head`: a reader that stops early is not a failure of ours.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (e) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
}
const { runCli } = await import('./main.ts');
process.exitCode = await runCli(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
});
