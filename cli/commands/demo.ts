import { resolve } from 'node:path';
import { runDemo } from '../lib/demo-panel.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa demo --out DIR [--experts N] [--seed S]
  Simulates a whole panel through the real package code: a secretariat and N panel members
  (leader included, 5–7, default 6), their identity cards and key files, the assignment and
  every member's scoresheet; DIR/index.json lists them. Same seed, same content.`;

export async function demoCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { out: { type: 'string' }, experts: { type: 'string' }, seed: { type: 'string' } }, USAGE);
  if (!values.out || positionals.length > 0) throw new UsageError(USAGE);
  const members = Number(values.experts ?? '6');
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(members) || members < 5 || members > 7) throw new UsageError(`--experts must be 5 to 7 (a panel's size, Art. 11)\n${USAGE}`);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295\n${USAGE}`);
  const out = resolve(values.out);
  const index = await runDemo({ outDir: out, members, seed });
  io.stdout(`demo panel written to ${out}: ${index.participants.length} participants, ${index.packages.length} packages, passphrase "${index.passphrase}" (index.json)\n`);
  return 0;
}
