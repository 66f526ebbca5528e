import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { runCycleDemo } from '../lib/demo-cycle.js';
import { runDemo } from '../lib/demo-panel.js';
import { parseScenario } from '../lib/demo-scenario.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa demo --out DIR [--experts N] [--seed S]
       zqa demo --cycle SCENARIO.json --out DIR [--seed S]
  Simulates a whole panel through the real package code: a secretariat and N panel members
  (leader included, 5–7, default 6), their identity cards and key files, the assignment with
  the secretariat's certificates, every member's scoresheet, the consensus, the report PDF
  signed by the leader, the report for signing, the countersignatures and the panel return;
  DIR/index.json lists them. Same seed, same content.
  --cycle: one panel per applicant of SCENARIO.json
    { "rules": { "preset", "awardQuota", "nominationQuota", "threshold", "nominationMinimum",
                 "reservations": [ { "category", "label", "award", "nomination", "kind" } ], "unfilledReserved" },
      "applicants": [ { "name", "industry", "consensus": { "4.1.2": 55, … }, "exclusions": [5],
                        "stage", "category", "previousAward": { "year", "kind" } } ] }
  each returning exactly the consensus given, under the rules given (the nomination minimum must
  be stated; the rest defaults to the preset: 'draft-2021' or 'adopted-2022'); then
  \`zqa rank DIR --json\` gives the proposal.`;

export async function demoCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, experts: { type: 'string' }, seed: { type: 'string' }, cycle: { type: 'string' } },
    USAGE,
  );
  if (!values.out || positionals.length > 0) throw new UsageError(USAGE);
  const seed = Number(values.seed ?? '1');
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295\n${USAGE}`);
  const out = resolve(values.out);

  if (values.cycle !== undefined) {
    if (values.experts !== undefined) throw new UsageError(`--experts does not apply to --cycle: panels of five are drawn from a pool of eight\n${USAGE}`);
    let input: unknown;
    try {
      input = JSON.parse(await readFile(values.cycle, 'utf8')) as unknown;
    } catch (e) {
      io.stderr(`zqa demo: cannot read ${values.cycle} as JSON: ${(e as Error).message}\n`);
      return 1;
    }
    const scenario = parseScenario(input);
    if (!scenario.ok) {
      io.stderr(`zqa demo: ${values.cycle} is not a valid scenario; nothing was written:\n${scenario.error.map((p) => `  ${p}\n`).join('')}`);
      return 1;
    }
    const started = Date.now();
    const index = await runCycleDemo({ outDir: out, scenario: scenario.value, seed });
    const returns = index.packages.filter((p) => p.type === 'panel-return').length;
    io.stdout(`demo cycle written to ${out}: ${returns} panel returns, ${index.packages.length} packages, ${index.participants.length} participants, passphrase "${index.passphrase}", ${((Date.now() - started) / 1000).toFixed(1)} s (index.json; next: zqa rank ${out} --json)\n`);
    return 0;
  }

  const members = Number(values.experts ?? '6');
  if (!Number.isInteger(members) || members < 5 || members > 7) throw new UsageError(`--experts must be 5 to 7 (a panel's size, Art. 11)\n${USAGE}`);
  const index = await runDemo({ outDir: out, members, seed });
  io.stdout(`demo panel written to ${out}: ${index.participants.length} participants, ${index.packages.length} packages, passphrase "${index.passphrase}" (index.json)\n`);
  return 0;
}
