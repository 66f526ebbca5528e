import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { INTEREST_KINDS, interestSchema, poolExpertSchema, type Interest } from '../../shared/panel/expert.js';
import { CONFLICT_KINDS } from '../../shared/regulation/conflict-of-interest.js';
import { normaliseOrganisationName, sameOrganisationName } from '../../shared/panel/organisation-name.js';
import { expertConflicts, interestCurrent, personConflicts, yearsBefore } from '../../shared/panel/recusal.js';

const expertWith = (...interests: Interest[]) => poolExpertSchema.parse({ id: 'e1', name: '李明', fingerprint: 'fp', fingerprintConfirmed: true, employer: { name: '郑州大学' }, interests });
const AT = { reviewDate: '2025-06-01', lookbackYears: 3 };
const applicant = { name: '郑州宇达机械有限公司', creditCode: '91350100M000100Y43' };

describe('recusal (Art. 18)', () => {
  it('matches names across full-width/half-width, spaces and 有限责任公司', () => {
    expect(sameOrganisationName('ＺＺ宇达（集团）机械 有限责任公司', 'zz宇达(集团)机械有限公司')).toBe(true);
    expect(normaliseOrganisationName('　郑州 宇达机械有限公司 ')).toBe('郑州宇达机械有限公司');
    expect(sameOrganisationName('郑州宇达机械有限公司', '郑州宇达电气有限公司')).toBe(false);
    expect(sameOrganisationName('', '')).toBe(false);
  });

  it('flags each kind of declared interest with the expert, the interest and the reason', () => {
    const kinds = ['employer', 'consultancy', 'shareholding'] as const;
    for (const kind of kinds) {
      const [c, ...rest] = expertConflicts(expertWith({ kind, organisation: '郑州宇达机械有限责任公司' }), { name: applicant.name }, AT);
      expect(rest).toEqual([]);
      expect(c).toMatchObject({ expertId: 'e1', expertName: '李明', matchedBy: 'name', interest: { kind } });
      expect(c!.zh).toContain('评审员李明申报的');
      expect(c!.en).toContain('Art. 18 requires recusal');
    }
    const [relative] = expertConflicts(expertWith({ kind: 'family', organisation: applicant.name, relation: '配偶' }), applicant, AT);
    expect(relative!.zh).toContain('亲属工作或持股单位（配偶）');
  });

  it('matches by credit code when both sides have one, whatever the names', () => {
    const renamed = expertWith(interestSchema.parse({ kind: 'employer', organisation: '宇达机械（旧名）', creditCode: '91350100m000100y43' }));
    expect(expertConflicts(renamed, applicant, AT)[0]!.matchedBy).toBe('credit-code');
    const other = expertWith(interestSchema.parse({ kind: 'employer', organisation: applicant.name, creditCode: '91110108551385082Q' }));
    expect(expertConflicts(other, applicant, AT)).toEqual([]);
    // Only one side has a code: the name decides.
    expect(expertConflicts(other, { name: applicant.name }, AT)[0]!.matchedBy).toBe('name');
  });

  it('counts a former employer only within 3 years of the review date', () => {
    const left = (until: string) => expertWith(interestSchema.parse({ kind: 'former-employer', organisation: applicant.name, until }));
    expect(expertConflicts(left('2022-06-01'), applicant, AT)).toHaveLength(1);
    expect(expertConflicts(left('2022-05-31'), applicant, AT)).toEqual([]);
    expect(yearsBefore('2024-02-29', 3)).toBe('2021-02-28');
    expect(interestCurrent({ kind: 'shareholding', organisation: 'x' }, { reviewDate: '2025-01-01', lookbackYears: 3 })).toBe(true);
    // The look-back is the cycle's: with 2 years, an employer left 2.5 years ago no longer counts.
    expect(expertConflicts(left('2022-12-01'), applicant, { reviewDate: '2025-06-01', lookbackYears: 2 })).toEqual([]);
    expect(interestSchema.safeParse({ kind: 'former-employer', organisation: 'x' }).success).toBe(false);
  });
});

describe('recusal of the secretariat’s staff, and one list of interest kinds', () => {
  it('a member of staff recuses from an applicant that employs them, or one they declared', () => {
    const staff = { id: 's1', name: '赵敏', employer: { name: '郑州宇达机械有限公司' }, interests: [] };
    expect(personConflicts(staff, applicant, AT, 'staff').map((c) => c.zh)).toEqual(['工作人员赵敏的工作单位“郑州宇达机械有限公司”即申报单位“郑州宇达机械有限公司”（单位名称相同），依第十八条应当回避']);
    const declared = { id: 's2', name: '钱江', employer: { name: '郑州市市场监督管理局' }, interests: [interestSchema.parse({ kind: 'family', organisation: applicant.name, relation: '子女' })] };
    expect(personConflicts(declared, applicant, AT, 'staff')[0]!.en).toContain("staff member 钱江 declared");
    expect(personConflicts({ ...declared, interests: [] }, applicant, AT, 'staff')).toEqual([]);
  });

  it('the declaration and the expert pool share one list of kinds', () => {
    expect(INTEREST_KINDS).toBe(CONFLICT_KINDS);
    for (const k of CONFLICT_KINDS) expect(interestSchema.safeParse({ kind: k, organisation: 'x', ...(k === 'former-employer' ? { until: '2024-01-01' } : {}) }).success).toBe(true);
    expect(interestSchema.safeParse({ kind: 'relative-employer', organisation: 'x' }).success).toBe(false);
  });
});

describe('name normalisation properties', () => {
  it('is idempotent and blind to full-width forms, spaces and the 有限责任公司 variant', () => {
    const toFullWidth = (s: string) => s.replace(/[!-~]/g, (c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).replace(/ /g, '\u3000');
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'郑州宇达机械AB12 ()（）'), minLength: 1, maxLength: 12 }), (core) => {
        const name = `${core}有限公司`;
        const n = normaliseOrganisationName(name);
        expect(normaliseOrganisationName(n)).toBe(n);
        expect(normaliseOrganisationName(toFullWidth(name))).toBe(n);
        expect(normaliseOrganisationName(` ${name.split('').join(' ')} `)).toBe(n);
        expect(normaliseOrganisationName(`${core}有限责任公司`)).toBe(n);
      }),
    );
  });
});
