import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { secretariatWorkbook, type SecretariatExportInput } from '../../shared/export/secretariat-export.js';
import { itemScoresTable, overviewTable, type Table } from '../../shared/export/secretariat-tables.js';
import { isHundredthsCell, type Cell } from '../../shared/export/sheet-model.js';
import { recordDecisions } from '../../shared/ranking/committee-decision.js';
import { formatHundredths } from '../../shared/scoring/hundredths.js';
import { parseCsv } from '../readers/csv-read.js';
import { consensusA, consensusB, proposal, results, rules } from '../support/secretariat-export-fixture.js';

/**
 * The secretariat opens the export in WPS, Excel or LibreOffice. LibreOffice headless (Debian's
 * libreoffice-calc-nogui, installed by .ci/run) converts every sheet to CSV "as shown", and every
 * cell must read as the table the app built: text verbatim (line breaks, reservations, the
 * committee's reason), points with two decimals, counts and votes as numbers, empty as empty.
 */
const dir = mkdtempSync(join(tmpdir(), 'zqa-lo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What a spreadsheet shows for a cell of ours: points in the "0.00" format. */
function shown(cell: Cell | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (isHundredthsCell(cell)) return formatHundredths(cell.hundredths);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  return String(cell);
}

function expectedRows(table: Table): string[][] {
  const width = table.header.length;
  return [table.header, ...table.rows.map((row) => Array.from({ length: width }, (_, i) => shown(row[i])))];
}

/** Each sheet as LibreOffice shows it, by sheet name. */
function libreOfficeSheets(file: string): Map<string, string[][]> {
  // Field separator 44 (,), text delimiter 34 ("), UTF-8 (76), cells "as shown", every sheet (-1)
  // to its own file named <file>-<sheet>.csv.
  const filter = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1';
  execFileSync('soffice', [`-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`, '--headless', '--convert-to', filter, '--outdir', dir, file], { stdio: 'pipe', timeout: 110_000 });
  const sheets = new Map<string, string[][]>();
  for (const name of ['综合评审汇总', '评分明细']) {
    const parsed = parseCsv(readFileSync(join(dir, `export-${name}.csv`), 'utf8'));
    if (!parsed.ok) throw new Error(parsed.error);
    // LibreOffice ends the file with a line break: no empty last row.
    sheets.set(name, parsed.value.filter((row) => !(row.length === 1 && row[0] === '')));
  }
  return sheets;
}

describe('the secretariat’s workbook opened by LibreOffice', () => {
  it('shows every cell of both sheets as the app built them, with the decision, the vote and the reservations', async () => {
    const decided = recordDecisions(
      proposal,
      [
        { applicantId: 'A', outcome: 'award', vote: { for: 11, against: 1, abstaining: 1 } },
        { applicantId: 'B', outcome: 'nomination', vote: { for: 7, against: 5, abstaining: 1 }, reason: '兼顾行业代表性；\n第二次表决通过' },
        { applicantId: 'C', outcome: 'notAwarded', vote: { for: 13, against: 0, abstaining: 0 } },
      ],
      rules,
    );
    if (!decided.ok) throw new Error(JSON.stringify(decided.error));
    const input: SecretariatExportInput = {
      set: GBT19580_2012,
      cycleName: '2026年度',
      results,
      proposal,
      rules,
      decisions: decided.value,
      itemScores: [
        {
          applicantName: '郑州宇达机械有限公司',
          members: [
            { name: '张三', leader: true, percentByItem: { ...consensusA, '4.1.2': 55 } },
            { name: '李四', percentByItem: { ...consensusA, '4.1.2': 35 } },
          ],
          consensusPercentByItem: consensusA,
        },
        { applicantName: '河南某某食品股份有限公司', members: [{ name: '王五', percentByItem: consensusB }], consensusPercentByItem: consensusB },
      ],
    };
    const book = await secretariatWorkbook(input);
    if (!book.ok) throw new Error(book.error.join('\n'));
    const file = join(dir, 'export.xlsx');
    writeFileSync(file, book.value.bytes);

    const sheets = libreOfficeSheets(file);
    const overview = overviewTable(input.set, input.results, input.proposal, input.rules, input.decisions);
    const items = itemScoresTable(input.set, input.itemScores);
    expect(sheets.get('综合评审汇总')).toEqual(expectedRows(overview));
    expect(sheets.get('评分明细')).toEqual(expectedRows(items));

    // What the committee reads, spelled out: the reservation, the absence, the vote, the reason.
    const row = sheets.get('综合评审汇总')!.find((r) => r[0] === '河南某某食品股份有限公司')!;
    expect(row).toContain('有保留意见：李四（对财务结果的共识评分持保留意见）\n未会签：王五（因病未能到场）');
    expect(row.slice(-6)).toEqual(['市长质量奖提名奖', '7', '5', '1', '兼顾行业代表性；\n第二次表决通过', '0']);
  }, 120_000);
});
