import { criteriaSetLabel } from '../../shared/criteria/built-in.js';
import { criteriaSetArg } from '../lib/criteria-set-file.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { printJson, UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa criteria [--set FILE] [--json]
  Prints a criteria set: the built-in GB/T 19580-2012, or an industry's set from FILE (Art. 16),
  validated first (items sum to their category, categories to 1000, every item a kind, ids
  unique); an invalid file is refused with every problem.`;

/** `zqa criteria [--set FILE] [--json]`: the built-in criteria set, or one read and validated from a file. */
export async function criteriaCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(args, { set: { type: 'string' }, json: { type: 'boolean' } }, USAGE);
  if (positionals.length > 0) throw new UsageError(USAGE);
  const read = await criteriaSetArg(values.set);
  if (!read.ok) {
    for (const m of read.error) io.stderr(`zqa criteria: ${m}\n`);
    return 1;
  }
  const set = read.value;
  if (values.json) {
    printJson(io, {
      id: set.id,
      name: set.name,
      ...(set.version ? { version: set.version } : {}),
      categories: set.categories.map((c) => ({
        id: c.id,
        name: c.name,
        points: c.points,
        items: c.items.map((i) => ({ id: i.id, name: i.name, points: i.points, kind: i.kind })),
      })),
    });
    return 0;
  }
  const lines = [`${criteriaSetLabel(set)} (${set.totalPoints} 分)`];
  for (const c of set.categories) {
    lines.push(`${c.id} ${c.name}  ${c.points}`);
    for (const i of c.items) lines.push(`  ${i.id} ${i.name}  ${i.points}  ${i.kind === 'process' ? '过程' : '结果'}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
