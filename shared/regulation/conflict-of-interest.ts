/**
 * The kinds of interest that make an expert or a member of staff recuse (回避, Art. 18), one
 * list for the expert's own declaration before scoring and for the interests the secretariat
 * records in the expert pool. `short` names the kind in a table; `declaration` is how the
 * expert states it about the applicant.
 */
export const CONFLICT_KINDS = ['employer', 'former-employer', 'consultancy', 'shareholding', 'family'] as const;
export type ConflictKind = (typeof CONFLICT_KINDS)[number];

export const CONFLICT_KIND_NAMES: Readonly<Record<ConflictKind, { short: { zh: string; en: string }; declaration: { zh: string; en: string } }>> = {
  employer: {
    short: { zh: '现工作单位', en: 'current employer' },
    declaration: { zh: '现任职于申报单位', en: 'Employed by the applicant' },
  },
  'former-employer': {
    short: { zh: '原工作单位', en: 'former employer' },
    declaration: { zh: '近三年内曾任职于申报单位', en: 'Employed by the applicant within the last 3 years' },
  },
  consultancy: {
    short: { zh: '咨询服务对象', en: 'consultancy client' },
    declaration: { zh: '为申报单位提供咨询服务', en: 'Consultant to the applicant' },
  },
  shareholding: {
    short: { zh: '持股单位', en: 'shareholding' },
    declaration: { zh: '持有申报单位股份', en: 'Shareholder of the applicant' },
  },
  family: {
    short: { zh: '亲属工作或持股单位', en: "a relative's employer or holding" },
    declaration: { zh: '近亲属在申报单位任职或持股', en: 'A close relative works for or holds shares in the applicant' },
  },
};

