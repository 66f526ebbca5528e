import { createInterface } from 'node:readline/promises';
import { UsageError, type CliIo } from '../io.js';

/**
 * The passphrase of a key file: `ZQA_PASSPHRASE` when set (scripts, tests), otherwise asked
 * on the terminal. Without a terminal there is nobody to ask, so it says what to set.
 */
export async function readPassphrase(io: CliIo, what: string): Promise<string> {
  const fromEnv = io.env.ZQA_PASSPHRASE;
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  if (!process.stdin.isTTY) throw new UsageError(`no passphrase for ${what}: set ZQA_PASSPHRASE or run in a terminal`);
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: true });
  try {
    return await rl.question(`Passphrase for ${what}: `);
  } finally {
    rl.close();
  }
}
