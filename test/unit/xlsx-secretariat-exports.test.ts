import { describe, expect, it } from 'vitest';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { recordDecisions } from '../../shared/ranking/committee-decision.js';
import { csvBytes, toCsv } from '../../shared/export/csv.js';
import { parseCsv } from '../readers/csv-read.js';
import { itemScoresTable, overviewTable, tableSheet } from '../../shared/export/secretariat-tables.js';
import { secretariatCsvFiles, secretariatWorkbook } from '../../shared/export/secretariat-export.js';
import { readXlsx, sheetValues } from '../readers/xlsx-read.js';
import { writeXlsx } from '../../shared/export/xlsx-write.js';
import { proposeSplit } from '../../shared/ranking/proposal.js';
import { consensusA, items, proposal, result, results, rules } from '../support/secretariat-export-fixture.js';

describe('the secretariat’s exports', () => {
  it('overview: one row per applicant with total, subtotals, recommendation, proposal, exclusions, divergence notes, sign-off', async () => {
    const t = overviewTable(GBT19580_2012, results, proposal, rules);
    expect(t.header).toEqual([
      '申报单位', '行业', '总分',
      '4.1 领导（110分）', '4.2 战略（90分）', '4.3 顾客与市场（90分）', '4.4 资源（130分）', '4.5 过程管理（100分）', '4.6 测量、分析与改进（80分）', '4.7 结果（400分）',
      '评审组建议', '建议结果', '否决项（第十四条）', '评分分歧说明', '会签意见（有保留意见、未会签）', '签署推荐与建议结果',
    ]);
    const bytes = await writeXlsx({ sheets: [tableSheet(t), tableSheet(itemScoresTable(GBT19580_2012, []))] });
    expect(bytes.ok).toBe(true);
    if (!bytes.ok) return;
    const back = readXlsx(bytes.value);
    if (!back.ok) throw new Error(back.error);
    const rows = sheetValues(back.value[0]!);
    expect(rows.slice(1).map((r) => [r[0], r[2], r[11], r[12]])).toEqual([
      // Equal totals in pinyin order of name: 某 (mǒu) before 宇 (yǔ).
      ['郑州某某物流有限公司', 500, '未获奖', '第5项'],
      // No exclusion: an empty cell.
      ['郑州宇达机械有限公司', 500, '市长质量奖', null],
      ['河南某某食品股份有限公司', results[1]!.totalHundredths / 100, '市长质量奖提名奖', null],
    ]);
    expect(rows[2]![3]).toBe(55);
    expect(rows[2]![10]).toBe('建议授予市长质量奖');
    expect(rows[3]![13]).toBe('4.7.4 财务结果：评分跨度25个百分点\n4.2.2 战略制定：跨度30');
    // Each dissent and absence with its reason, one a line; nothing where all agreed.
    expect(rows[3]![14]).toBe('有保留意见：李四（对财务结果的共识评分持保留意见）\n未会签：王五（因病未能到场）');
    expect(rows[2]![14] ?? '').toBe('');
    // Every signed recommendation here is what the proposal says: no flag.
    expect(rows.slice(1).map((r) => r[15] ?? '')).toEqual(['', '', '']);
    // The same rows in CSV.
    const csv = parseCsv(new TextDecoder('utf-8', { ignoreBOM: true }).decode(csvBytes(toCsv(t.header, t.rows))));
    expect(csv.ok && csv.value[2]!.slice(0, 4)).toEqual(['郑州宇达机械有限公司', '装备制造', '500.00', '55.00']);
  });

  it('flags a signed recommendation the proposal departs from, and one signed under other rules', () => {
    const flagged = [
      result('A', '郑州宇达机械有限公司', consensusA, { recommendation: 'award', signedUnder: { awardThresholdPoints: 550, nominationMinimumPoints: 0 } }),
      result('C', '郑州某某物流有限公司', consensusA, { exclusions: [5], recommendation: 'award' }),
    ];
    const t = overviewTable(GBT19580_2012, flagged, proposeSplit(flagged, rules), rules);
    const column = t.header.indexOf('签署推荐与建议结果');
    const flag = (name: string) => t.rows.find((r) => r[0] === name)![column];
    expect(flag('郑州宇达机械有限公司')).toBe('签署后本届规则已改');
    expect(flag('郑州某某物流有限公司')).toBe('与建议结果不一致');
  });

  it('with the committee’s decisions: the outcome, the vote, the reason and the prize money, read back from the workbook', async () => {
    const vote = { for: 11, against: 1, abstaining: 1 };
    const decided = recordDecisions(
      proposal,
      [
        { applicantId: 'A', outcome: 'award', vote },
        { applicantId: 'B', outcome: 'nomination', vote: { for: 7, against: 5, abstaining: 1 }, reason: '兼顾行业代表性' },
        { applicantId: 'C', outcome: 'notAwarded', vote },
      ],
      rules,
    );
    if (!decided.ok) throw new Error(JSON.stringify(decided.error));
    const t = overviewTable(GBT19580_2012, results, proposal, rules, decided.value);
    expect(t.header.slice(-6)).toEqual(['评委会决定', '赞成', '反对', '弃权', '决定理由', '奖金（元）']);
    const bytes = await writeXlsx({ sheets: [tableSheet(t)] });
    if (!bytes.ok) throw new Error(bytes.error.join());
    const back = readXlsx(bytes.value);
    if (!back.ok) throw new Error(back.error);
    const rows = sheetValues(back.value[0]!);
    const row = (name: string) => rows.find((r) => r[0] === name)!.slice(-6);
    expect(row('郑州宇达机械有限公司')).toEqual(['市长质量奖', 11, 1, 1, null, 1000000]);
    expect(row('河南某某食品股份有限公司')).toEqual(['市长质量奖提名奖', 7, 5, 1, '兼顾行业代表性', 0]);
  });

  it('lists an applicant that is no candidate with its stage and why', () => {
    const withdrawn = [...results, result('W', '郑州撤回有限公司', consensusA, { stage: 'withdrawn', stageReason: '主动撤回' })];
    const t = overviewTable(GBT19580_2012, withdrawn, proposeSplit(withdrawn, rules), rules);
    expect(t.rows.find((r) => r[0] === '郑州撤回有限公司')![11]).toBe('非候选单位（已撤销/退出：主动撤回）');
  });

  it('item scores: applicant × item × member, then the consensus, with scores in points', async () => {
    const t = itemScoresTable(GBT19580_2012, [
      {
        applicantName: '郑州宇达机械有限公司',
        members: [
          { name: '张三', leader: true, percentByItem: { ...consensusA, '4.1.2': 55 } },
          { name: '李四', percentByItem: { ...consensusA, '4.1.2': 35 } },
        ],
        consensusPercentByItem: consensusA,
      },
    ]);
    expect(t.rows).toHaveLength(items.length * 3);
    expect(t.rows.slice(0, 3)).toEqual([
      ['郑州宇达机械有限公司', '4.1.2', '高层领导的作用', 50, '张三', '组长', 55, { hundredths: 2750 }],
      ['郑州宇达机械有限公司', '4.1.2', '高层领导的作用', 50, '李四', '评审员', 35, { hundredths: 1750 }],
      ['郑州宇达机械有限公司', '4.1.2', '高层领导的作用', 50, '评审组', '共识', 50, { hundredths: 2500 }],
    ]);
    const bytes = await writeXlsx({ sheets: [tableSheet(t)] });
    const back = bytes.ok ? readXlsx(bytes.value) : undefined;
    expect(back?.ok && sheetValues(back.value[0]!)[3]).toEqual(['郑州宇达机械有限公司', '4.1.2', '高层领导的作用', 50, '评审组', '共识', 50, 25]);
  });
});

describe('the secretariat’s export files', () => {
  it('one workbook with both sheets, or one CSV per table, named for the cycle', async () => {
    const input = { set: GBT19580_2012, cycleName: '2026年度/郑州市市长质量奖', results, proposal, rules, itemScores: [{ applicantName: '郑州宇达机械有限公司', members: [], consensusPercentByItem: consensusA }] };
    const book = await secretariatWorkbook(input);
    expect(book.ok && book.value.fileName).toBe('2026年度_郑州市市长质量奖-综合评审.xlsx');
    const back = book.ok ? readXlsx(book.value.bytes) : undefined;
    expect(back?.ok && back.value.map((s) => [s.name, s.rows.length])).toEqual([
      ['综合评审汇总', 4],
      ['评分明细', 24],
    ]);
    const csv = secretariatCsvFiles(input);
    expect(csv.map((f) => f.fileName)).toEqual(['2026年度_郑州市市长质量奖-综合评审汇总.csv', '2026年度_郑州市市长质量奖-评分明细.csv']);
    expect(new TextDecoder().decode(csv[1]!.bytes).split('\r\n')[1]).toBe('郑州宇达机械有限公司,4.1.2,高层领导的作用,50,评审组,共识,50,25.00');
  });
});
