import { describe, expect, it } from 'vitest';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { poolExpertSchema, type PoolExpert } from '../../shared/panel/expert.js';
import { checkPanel, eligibleExperts, type PanelContext } from '../../shared/panel/panel-rules.js';

const expert = (id: string, over: Partial<PoolExpert> = {}): PoolExpert =>
  poolExpertSchema.parse({ id, name: `专家${id}`, fingerprint: `${id}-fp`, fingerprintConfirmed: true, employer: { name: '郑州大学' }, ...over });
const pool = ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8'].map((id) => expert(id));
const context = (over: Partial<PanelContext> = {}): PanelContext => ({
  rules: rulesFromPreset('draft-2021', 0),
  pool,
  applicant: { name: '郑州宇达机械有限公司', creditCode: '91350100M000100Y43' },
  reviewDate: '2025-06-01',
  ...over,
});

describe('panel rules', () => {
  it('accepts 5 to 7 confirmed, conflict-free experts with a leader among them', () => {
    const r = checkPanel({ applicantId: 'a1', memberIds: ['e1', 'e2', 'e3', 'e4', 'e5'], leaderId: 'e3' }, context());
    expect(r).toEqual({ ok: true, value: { applicantId: 'a1', memberIds: ['e1', 'e2', 'e3', 'e4', 'e5'], leaderId: 'e3' } });
    expect(checkPanel({ applicantId: 'a1', memberIds: ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7'], leaderId: 'e1' }, context()).ok).toBe(true);
  });

  it('refuses a panel of the wrong size', () => {
    for (const ids of [['e1', 'e2', 'e3', 'e4'], ['e1', 'e2', 'e3', 'e4', 'e5', 'e6', 'e7', 'e8']]) {
      const r = checkPanel({ applicantId: 'a1', memberIds: ids, leaderId: 'e1' }, context());
      expect(!r.ok && r.error.map((p) => p.code)).toEqual(['size']);
    }
    const custom = checkPanel({ applicantId: 'a1', memberIds: ['e1', 'e2', 'e3'], leaderId: 'e1' }, context({ rules: { ...rulesFromPreset('draft-2021', 0), panelSizeMin: 3, panelSizeMax: 3 } }));
    expect(custom.ok).toBe(true);
  });

  it('refuses with every reason at once', () => {
    const withConflict = [
      ...pool.filter((e) => e.id !== 'e2' && e.id !== 'e4'),
      expert('e2', { fingerprintConfirmed: false }),
      expert('e4', { interests: [{ kind: 'employer', organisation: '郑州宇达机械有限责任公司' }] }),
    ];
    const r = checkPanel({ applicantId: 'a1', memberIds: ['e1', 'e2', 'e2', 'e4', 'x9'], leaderId: 'e6' }, context({ pool: withConflict }));
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.error.map((p) => p.code).sort()).toEqual(['duplicate-member', 'fingerprint-unconfirmed', 'leader-not-member', 'recusal', 'size', 'unknown-expert']);
      const zh = r.error.map((p) => p.zh).join('\n');
      expect(zh).toContain('评审组应由5至7名评审员组成，现有4名');
      expect(zh).toContain('组长专家e6不是本评审组成员');
      expect(zh).toContain('评审员x9不在专家库中');
      expect(zh).toContain('第十八条应当回避');
    }
  });

  it('offers only experts free of conflict and confirmed', () => {
    const withConflict = [...pool.slice(1), expert('e1', { interests: [{ kind: 'shareholding', organisation: '其他公司', creditCode: '91350100M000100Y43' }] })];
    expect(eligibleExperts(context({ pool: withConflict })).map((e) => e.id)).not.toContain('e1');
  });

  it('an undeclared employee of the applicant cannot lead its panel: the employer is checked without any declaration', () => {
    const employee = [...pool.filter((e) => e.id !== 'e1'), expert('e1', { employer: { name: '郑州宇达机械有限公司' } })];
    const r = checkPanel({ applicantId: 'a1', memberIds: ['e1', 'e2', 'e3', 'e4', 'e5'], leaderId: 'e1' }, context({ pool: employee }));
    expect(!r.ok && r.error.map((p) => [p.code, p.zh])).toEqual([['recusal', '评审员专家e1的工作单位“郑州宇达机械有限公司”即申报单位“郑州宇达机械有限公司”（单位名称相同），依第十八条应当回避']]);
    // By credit code: a different name for the same organisation still matches.
    const renamed = [...pool.filter((e) => e.id !== 'e1'), expert('e1', { employer: { name: '宇达机械', creditCode: '91350100M000100Y43' } })];
    expect(checkPanel({ applicantId: 'a1', memberIds: ['e1', 'e2', 'e3', 'e4', 'e5'], leaderId: 'e2' }, context({ pool: renamed })).ok).toBe(false);
    expect(eligibleExperts(context({ pool: renamed })).map((e) => e.id)).not.toContain('e1');
  });
});
