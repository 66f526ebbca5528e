import { runCli } from '../../cli/main.js';

/** What one `zqa` run printed, and its exit code. */
export interface ZqaRun {
  code: number;
  out: string;
  err: string;
}

/** Runs `zqa` in this process with the given environment, as a person would from a shell. */
export async function runZqa(args: readonly string[], env: Record<string, string> = {}): Promise<ZqaRun> {
  let out = '';
  let err = '';
  const code = await runCli([...args], { stdout: (t) => (out += t), stderr: (t) => (err += t), env });
  return { code, out, err };
}
