import { renderPaperScoresheetPdf } from '../../shared/paper-scoresheet/render-paper-scoresheet.js';
import { writeFileAtomic } from '../lib/atomic-write.js';
import { criteriaSetArg } from '../lib/criteria-set-file.js';
import { parseCommandArgs } from '../lib/file-args.js';
import { loadReportFonts } from '../lib/report-fonts.js';
import { UsageError, type CliIo, type ExitCode } from '../io.js';

const USAGE = `usage: zqa paper-scoresheet --out FILE.pdf [--set CRITERIA.json] [--cycle NAME] [--applicant NAME] [--expert NAME]
  A blank paper scoresheet (纸质评分表) to print for the day a laptop dies: every item of the
  built-in GB/T 19580-2012 (or an industry's set, validated first) with room to write, the
  scoring bands, the Art. 14 checks and a place to sign. The app prints it filled as well.`;

/** `zqa paper-scoresheet --out FILE`: the blank paper scoresheet as a PDF. */
export async function paperScoresheetCommand(args: string[], io: CliIo): Promise<ExitCode> {
  const { values, positionals } = parseCommandArgs(
    args,
    { out: { type: 'string' }, set: { type: 'string' }, cycle: { type: 'string' }, applicant: { type: 'string' }, expert: { type: 'string' } },
    USAGE,
  );
  if (positionals.length > 0 || !values.out) throw new UsageError(USAGE);
  const set = await criteriaSetArg(values.set);
  if (!set.ok) {
    for (const m of set.error) io.stderr(`zqa paper-scoresheet: ${m}\n`);
    return 1;
  }
  const pdf = await renderPaperScoresheetPdf(
    { set: set.value, cycleName: values.cycle, applicantName: values.applicant, expertName: values.expert, printedAt: new Date().toISOString() },
    loadReportFonts(),
  );
  try {
    await writeFileAtomic(values.out, pdf);
  } catch (e) {
    io.stderr(`zqa paper-scoresheet: cannot write ${values.out}: ${(e as Error).message}\n`);
    return 1;
  }
  io.stdout(`${values.out}\n`);
  return 0;
}
