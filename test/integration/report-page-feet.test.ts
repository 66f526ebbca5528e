import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { demoReportInput } from '../../cli/lib/report-demo-input.js';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';

/**
 * "A heading never ends a page" (shared/report/keep-with-next.ts) read back from the PDF: the
 * 7-member report rendered with the applicant's profile longer by a few lines at a time, so
 * every heading and lead-in sentence after it lands at other heights of its page, and in
 * some variants at a page's foot. On no page is the lowest line of text (pdftotext -layout,
 * above the page number) a section heading "X、…", a sub-heading "（X）…", or a sentence
 * ending in "：" that announces what follows.
 */
const OUT = resolve('test-results/report-page-feet');
const LINE = '申报单位持续完善质量管理体系，推进数字化车间建设，关键工序质量数据实现在线采集和统计分析。';
const SHIFTS = [1, 3, 6, 10, 15, 21];

function lowestLines(pdf: string): { page: number; line: string }[] {
  const pages = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' }).split('\f').slice(0, -1);
  return pages.map((text, i) => {
    const lines = text
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l.length > 0 && !/^第 \d+ 页/.test(l));
    return { page: i + 1, line: lines.at(-1) ?? '' };
  });
}

const endsAPageBadly = (line: string) => /^[一二三四五六七八九十]+、\S/.test(line) || /^（[一二三四五六七八九十]+）\S/.test(line) || line.endsWith('：');

describe('the report’s page feet', () => {
  it('never end with a heading or a sentence announcing a table, wherever the headings fall', async () => {
    mkdirSync(OUT, { recursive: true });
    const fonts = loadReportFonts();
    const bad: string[] = [];
    for (const shift of SHIFTS) {
      const input = demoReportInput({ members: 7, photos: 0 });
      input.applicant = { ...input.applicant, profile: `${input.applicant.profile}\n${LINE.repeat(shift)}` };
      const file = join(OUT, `shift-${shift}.pdf`);
      writeFileSync(file, await renderReportPdf(input, fonts));
      // The signature page ends with the leader's line to sign, which is meant to end in "：".
      for (const { page, line } of lowestLines(file).slice(0, -2)) if (endsAPageBadly(line)) bad.push(`shift ${shift}, page ${page}: ${line}`);
    }
    expect(bad).toEqual([]);
  }, 600_000);
});
