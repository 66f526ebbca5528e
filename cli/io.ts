/** What a command may touch of the outside world, so tests can run commands in-process. */
export interface CliIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

/** A command's outcome: the process exit code. 0 good, 1 the input was refused, 2 usage. */
export type ExitCode = 0 | 1 | 2;

export class UsageError extends Error {}

export function printJson(io: CliIo, value: unknown): void {
  io.stdout(`${JSON.stringify(value, null, 2)}\n`);
}
