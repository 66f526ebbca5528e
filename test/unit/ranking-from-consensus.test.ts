import { describe, expect, it } from 'vitest';
import type { ConsensusRecord } from '../../shared/consensus/consensus-record.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';

const defaultCycleRules = () => rulesFromPreset('draft-2021', 0);
import { applicantResultFromConsensus } from '../../shared/ranking/from-consensus.js';

const items = itemsOf(GBT19580_2012);
function consensus(percent: (id: string) => number | null, flagged: number[] = []): ConsensusRecord {
  return {
    criteriaSetId: GBT19580_2012.id,
    items: items.map((i) => ({ itemId: i.id, percent: percent(i.id), rationale: '', strengths: [], ofis: [] })),
    exclusions: [1, 2, 3, 4, 5, 6, 7].map((n) => ({ number: n, status: flagged.includes(n) ? ('flagged' as const) : ('clear' as const), note: '' })),
    overallEvaluation: '',
    keyStrengths: [],
    keyOfis: [],
  };
}
const base = { applicantId: 'A', name: '郑州宇达机械有限公司', industry: '装备制造' };

describe('an applicant’s line from the panel’s consensus', () => {
  it('takes the total, subtotals, recommendation and divergence notes', () => {
    const r = applicantResultFromConsensus(
      GBT19580_2012,
      { ...base, consensus: consensus(() => 50), memberPercents: [{ '4.7.4': 30, '4.1.2': 50 }, { '4.7.4': 55, '4.1.2': 70 }, { '4.7.4': 40 }] },
      defaultCycleRules(),
    );
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).toMatchObject({ totalHundredths: 50000, recommendation: 'award', exclusions: [] });
    expect(r.value.categorySubtotals['4.7']).toBe(20000);
    // 4.7.4 spans 25 points (> 20): noted; 4.1.2 spans exactly 20: not.
    expect(r.value.divergenceNotes).toEqual(['4.7.4 财务结果：成员评分30%–55%（跨度25个百分点），共识50%']);
  });

  it('carries confirmed exclusions', () => {
    const r = applicantResultFromConsensus(GBT19580_2012, { ...base, consensus: consensus(() => 80, [5]), memberPercents: [] }, defaultCycleRules());
    expect(r.ok && r.value).toMatchObject({ exclusions: [5], recommendation: 'not-recommended', totalHundredths: 80000 });
  });

  it('refuses an unfinished consensus', () => {
    const r = applicantResultFromConsensus(GBT19580_2012, { ...base, consensus: consensus((id) => (id === '4.2.2' ? null : 50)), memberPercents: [] }, defaultCycleRules());
    expect(!r.ok && r.error).toContain('4.2.2');
  });
});
