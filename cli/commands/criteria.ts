import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { printJson, type CliIo, type ExitCode } from '../io.js';

/** `zqa criteria [--json]`: the built-in criteria set. */
export function criteriaCommand(args: string[], io: CliIo): ExitCode {
  const set = GBT19580_2012;
  if (args.includes('--json')) {
    printJson(io, {
      id: set.id,
      name: set.name,
      categories: set.categories.map((c) => ({
        id: c.id,
        name: c.name,
        points: c.points,
        items: c.items.map((i) => ({ id: i.id, name: i.name, points: i.points, kind: i.kind })),
      })),
    });
    return 0;
  }
  const lines = [`${set.name} (${set.totalPoints} 分)`];
  for (const c of set.categories) {
    lines.push(`${c.id} ${c.name}  ${c.points}`);
    for (const i of c.items) lines.push(`  ${i.id} ${i.name}  ${i.points}  ${i.kind === 'process' ? '过程' : '结果'}`);
  }
  io.stdout(`${lines.join('\n')}\n`);
  return 0;
}
