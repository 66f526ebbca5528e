import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { renderPaperScoresheetPdf } from '../../shared/paper-scoresheet/render-paper-scoresheet.js';
import { EXCLUSION_RULES } from '../../shared/regulation/exclusions.js';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import { runZqa } from './run-zqa.js';

/**
 * The paper scoresheet for the day a laptop dies, read back as a person would read the paper:
 * pdftotext for the words, pdffonts for the embedded faces, pdfinfo for the page.
 */
const dir = mkdtempSync(join(tmpdir(), 'zqa-paper-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const text = (file: string) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
const items = itemsOf(GBT19580_2012);

describe('the paper scoresheet', () => {
  it('blank (zqa paper-scoresheet): every item with its points, the bands, the Art. 14 checks, a place to sign; A4 landscape, faces embedded', async () => {
    const file = join(dir, 'blank.pdf');
    const run = await runZqa(['paper-scoresheet', '--out', file, '--cycle', '2026年度郑州市市长质量奖', '--applicant', '郑州宇达机械有限公司']);
    expect(run.code, run.err).toBe(0);
    const words = text(file);
    for (const item of items) expect(words).toContain(item.id);
    expect(words).toContain('现场评审评分表（空白）');
    expect(words).toContain('郑州宇达机械有限公司');
    expect(words).toMatch(/90%–100%/);
    for (const rule of EXCLUSION_RULES) expect(words).toContain(rule.zh.slice(0, 12));
    expect(words).toContain('评审员签字');
    // Nothing scored: no subtotal and no total printed, only the room to write them.
    expect(words).not.toMatch(/小计[ \t]+\d/);
    expect(words).not.toMatch(/总分[ \t]+1000[ \t]+\d/);
    expect(execFileSync('pdfinfo', [file], { encoding: 'utf8' })).toMatch(/Page size:\s+841\.89 x 595\.28 pts \(A4\)/);
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    expect(fonts).toMatch(/NotoSerifSC-Regular\s+CID TrueType\s+Identity-H\s+yes yes yes/);
    expect(fonts).toMatch(/NotoSansSC-Bold\s+CID TrueType\s+Identity-H\s+yes yes yes/);
  });

  it('filled: the expert’s percentages, points, subtotals, notes and checks; the total only once every item is scored', async () => {
    const base = {
      set: GBT19580_2012,
      cycleName: '2026年度郑州市市长质量奖',
      applicantName: '郑州宇达机械有限公司',
      expertName: '张三',
      printedAt: '2026-11-20T02:30:00.000Z',
    };
    const scored = items.map((item, n) => ({
      itemId: item.id,
      percent: 50,
      strengths: n === 0 ? [{ id: 's1', text: '高层领导每季度到一线开展质量巡查' }, { id: 's2', text: '质量方针逐级分解到班组' }] : [],
      ofis: n === 0 ? [{ id: 'o1', text: '社会责任绩效缺少对标数据' }] : [],
    }));
    const exclusions = EXCLUSION_RULES.map((r) => ({ number: r.number, status: r.number === 6 ? ('flagged' as const) : ('clear' as const), note: r.number === 6 ? '2025年发生一般安全事故，待核实' : '' }));
    const fonts = loadReportFonts();

    const complete = join(dir, 'filled.pdf');
    writeFileSync(complete, await renderPaperScoresheetPdf({ ...base, filled: { items: scored, exclusions } }, fonts));
    const words = text(complete);
    expect(words).toContain('现场评审评分表（已填）');
    expect(words).toContain('张三');
    expect(words).toContain('2026年11月20日');
    expect(words).toContain('1. 高层领导每季度到一线开展质量巡查');
    expect(words).toContain('2. 质量方针逐级分解到班组');
    expect(words).toContain('社会责任绩效缺少对标数据');
    // 4.1.2 (50 points) at 50%: 25.00; category 4.1 (110 points) at 50%: 55.00; total 500.00.
    expect(words).toMatch(/4\.1\.2\s+高层领导的作用\s+50\s+50\s+25\.00/);
    expect(words).toMatch(/4\.1 领导\s+110\s+小计\s+55\.00/);
    expect(words).toMatch(/总分\s+1000\s+500\.00/);
    expect(words).toContain('2025年发生一般安全事故，待核实');
    expect(words.match(/未发现/g)?.length).toBeGreaterThanOrEqual(6);

    const partial = join(dir, 'partial.pdf');
    writeFileSync(partial, await renderPaperScoresheetPdf({ ...base, filled: { items: scored.map((s, n) => (n === 1 ? { ...s, percent: null } : s)), exclusions } }, fonts));
    const partialWords = text(partial);
    expect(partialWords).toContain('尚有条款未评分，总分待定');
    expect(partialWords).not.toMatch(/总分[ \t]+1000[ \t]+\d/);
  });

  it('gives the same bytes for the same input (the print date comes from the input)', async () => {
    const input = { set: GBT19580_2012, printedAt: '2026-11-20T02:30:00.000Z' };
    const fonts = loadReportFonts();
    const a = await renderPaperScoresheetPdf(input, fonts);
    const b = await renderPaperScoresheetPdf(input, fonts);
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });
});
