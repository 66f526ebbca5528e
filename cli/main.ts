import { criteriaCommand } from './commands/criteria.js';
import { totalCommand } from './commands/total.js';
import { rankCommand } from './commands/rank.js';
import { demoCommand } from './commands/demo.js';
import { inspectCommand } from './commands/inspect.js';
import { keysCommand } from './commands/keys.js';
import { openCommand } from './commands/open.js';
import { verifyCommand } from './commands/verify.js';
import { paperScoresheetCommand } from './commands/paper-scoresheet.js';
import { UsageError, type CliIo, type ExitCode } from './io.js';

type Command = (args: string[], io: CliIo) => ExitCode | Promise<ExitCode>;

/** Every `zqa` sub-command, one file each under commands/. */
const COMMANDS: Record<string, { run: Command; summary: string }> = {
  criteria: { run: criteriaCommand, summary: 'criteria [--set F] [--json] print a criteria set (built-in GB/T 19580-2012, or F validated)' },
  total: { run: totalCommand, summary: 'total FILE [--set F]     total of { "percent": { "4.1.2": 55, … } } against a criteria set' },
  rank: { run: rankCommand, summary: 'rank DIR|--results FILE [--rules FILE] [--json]  the comprehensive review\'s proposed split' },
  verify: { run: verifyCommand, summary: 'verify FILE [--trust CARD_OR_DIR]…  check a package without any private key' },
  inspect: { run: inspectCommand, summary: 'inspect FILE [--json]    print a package\'s manifest' },
  open: { run: openCommand, summary: 'open FILE --identity KEYFILE --out DIR  decrypt a package into a folder' },
  demo: { run: demoCommand, summary: 'demo --out DIR [--experts N] [--seed S] | --cycle SCENARIO.json --out DIR  simulate a panel (or a cycle) through to the panel return' },
  'paper-scoresheet': { run: paperScoresheetCommand, summary: 'paper-scoresheet --out FILE.pdf [--set F] …  a blank paper scoresheet to print' },
  keys: { run: keysCommand, summary: 'keys new|show …          make or show a passphrase-protected key file' },
};

function usage(): string {
  return `usage: zqa <command> [options]\n\n${Object.values(COMMANDS).map((c) => `  zqa ${c.summary}`).join('\n')}\n`;
}

export async function runCli(argv: string[], io: CliIo): Promise<ExitCode> {
  const [name, ...args] = argv;
  const command = name ? COMMANDS[name] : undefined;
  if (!command) {
    io.stderr(name && name !== '--help' ? `zqa: unknown command "${name}"\n${usage()}` : usage());
    return name === '--help' ? 0 : 2;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`zqa ${name}: ${e.message}\n`);
      return 2;
    }
    io.stderr(`zqa ${name}: unexpected failure: ${(e as Error).stack ?? String(e)}\n`);
    return 1;
  }
}
