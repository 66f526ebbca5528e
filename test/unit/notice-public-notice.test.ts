import { describe, expect, it } from 'vitest';
import { addDays, chinaDateOf, chinaDayStart, daysInclusive, isIsoDate } from '../../shared/public-notice/china-date.js';
import { complaintSchema, type Complaint } from '../../shared/public-notice/complaint.js';
import { checkComplaintStatusChange, noticeCandidatesFrom, noticeStandings, viewComplaint, withdrawalReason } from '../../shared/public-notice/notice-list.js';
import { checkNoticePeriod, minimumNoticePeriod, noticeClosesAt, noticeOpenAt } from '../../shared/public-notice/notice-period.js';
import { noticeStateOf } from '../../shared/public-notice/notice-state.js';
import { checkTransition, type ApplicantState } from '../../shared/applicant/stage.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';

const period = { start: '2025-06-01', end: '2025-06-07' };
const person = { kind: 'person' as const, name: '王五', signed: true, phone: '13800000000', address: '郑州市金水区某路1号', identityProof: '居民身份证复印件' };
const complaint = (over: Partial<Complaint> = {}): Complaint =>
  complaintSchema.parse({ id: 'c1', applicantId: 'A', receivedAt: Date.parse('2025-06-03T02:00:00Z'), inWriting: true, complainant: person, summary: '2023年产品抽查不合格', evidence: '抽查通报复印件', ...over });

describe('China calendar arithmetic', () => {
  it('takes the date in Beijing time, whatever the machine’s zone', () => {
    expect(chinaDateOf(Date.parse('2025-05-31T15:59:59.999Z'))).toBe('2025-05-31');
    expect(chinaDateOf(Date.parse('2025-05-31T16:00:00Z'))).toBe('2025-06-01');
    expect(chinaDayStart('2025-06-01')).toBe(Date.parse('2025-06-01T00:00:00+08:00'));
    expect(addDays('2024-02-25', 7)).toBe('2024-03-03');
    expect(daysInclusive('2024-12-28', '2025-01-03')).toBe(7);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
  });
});

describe('the public-notice period', () => {
  it('counts both the first and the last day', () => {
    expect(checkNoticePeriod(period, 7)).toEqual({ ok: true, value: { ...period, days: 7 } });
    expect(minimumNoticePeriod('2025-06-01', 7)).toEqual(period);
    const short = checkNoticePeriod({ start: '2025-06-01', end: '2025-06-06' }, 7);
    expect(!short.ok && short.error[0]).toMatchObject({ code: 'too-short', zh: expect.stringContaining('最早可于2025-06-07结束') as unknown });
  });

  it('refuses impossible periods', () => {
    expect(!checkNoticePeriod({ start: '2025-06-08', end: '2025-06-01' }, 7).ok).toBe(true);
    const bad = checkNoticePeriod({ start: '2025-02-30', end: 'soon' }, 7);
    expect(!bad.ok && bad.error.map((p) => p.code)).toEqual(['not-a-date', 'not-a-date']);
  });

  it('is open from 00:00 on the first day to 24:00 on the last, Beijing time', () => {
    expect(noticeOpenAt(period, Date.parse('2025-05-31T16:00:00Z'))).toBe(true);
    expect(noticeOpenAt(period, Date.parse('2025-05-31T15:59:00Z'))).toBe(false);
    expect(noticeOpenAt(period, Date.parse('2025-06-07T15:59:59Z'))).toBe(true);
    expect(noticeClosesAt(period)).toBe(Date.parse('2025-06-07T16:00:00Z'));
  });
});

describe('complaints', () => {
  it('are valid with all the particulars', () => {
    expect(viewComplaint(complaint(), period)).toMatchObject({ valid: true, defects: [], duringNotice: true });
    const org = complaint({ complainant: { kind: 'organisation', name: '某协会', phone: '0371-1234567', address: '郑州市', sealed: true } });
    expect(viewComplaint(org, period).valid).toBe(true);
  });

  it('are recorded but invalid when particulars are missing, with each reason', () => {
    const anonymous = viewComplaint(complaint({ complainant: { kind: 'person', signed: false }, evidence: '' }), period);
    expect(anonymous.valid).toBe(false);
    expect(anonymous.defects.map((d) => d.code)).toEqual(['no-name', 'not-signed', 'no-phone', 'no-address', 'no-identity-proof', 'no-evidence']);
    const unsealed = viewComplaint(complaint({ complainant: { kind: 'organisation', name: '某协会', phone: '1', address: '郑州', sealed: false } }), period);
    expect(unsealed.defects.map((d) => d.zh)).toEqual(['单位举报未加盖单位公章']);
    expect(checkComplaintStatusChange(anonymous, 'proven', '查实').ok).toBe(false);
  });

  it('withdraw the candidate when proven, and only then', () => {
    const candidates = [
      { applicantId: 'A', name: '甲公司', outcome: 'award' as const },
      { applicantId: 'B', name: '乙公司', outcome: 'nomination' as const },
      { applicantId: 'C', name: '丙公司', outcome: 'nomination' as const },
    ];
    const invalidProven = complaint({ id: 'c2', applicantId: 'B', status: 'proven', complainant: { kind: 'person', signed: false } });
    const s = noticeStandings(candidates, [complaint({ status: 'proven', finding: '经核实属实' }), invalidProven, complaint({ id: 'c3', applicantId: 'C', status: 'investigating' })], period);
    expect(s.map((x) => [x.candidate.applicantId, x.standing, x.provenBy])).toEqual([
      ['A', 'withdrawn', ['c1']],
      ['B', 'stands', []],
      ['C', 'under-investigation', []],
    ]);
    expect(withdrawalReason(s[0]!)).toBe('公示期间被举报并经查实，取消候选资格（第十七条第八项）；举报：c1');
    expect(withdrawalReason(s[1]!)).toBeUndefined();
  });

  it('need a written finding to be decided, and are not reopened', () => {
    const v = viewComplaint(complaint({ status: 'investigating' }), period);
    expect(checkComplaintStatusChange(v, 'proven').ok).toBe(false);
    expect(checkComplaintStatusChange(v, 'proven', '经核实，2023年抽查不合格属实').ok).toBe(true);
    expect(checkComplaintStatusChange(viewComplaint(complaint({ status: 'unfounded' }), period), 'proven', 'x').ok).toBe(false);
    expect(viewComplaint(complaint({ receivedAt: Date.parse('2025-06-07T16:30:00Z') }), period).duringNotice).toBe(false);
  });
});

describe('the notice list', () => {
  it('takes the candidates the committee put forward', () => {
    const base = { totalHundredths: 50000, departs: false, vote: { for: 9, against: 0, abstaining: 0 }, repeatWinner: false, prizeMoneyYuan: 0 };
    expect(
      noticeCandidatesFrom([
        { ...base, applicantId: 'A', name: '甲', proposed: 'award', outcome: 'award' },
        { ...base, applicantId: 'B', name: '乙', proposed: 'nomination', outcome: 'notAwarded' },
        { ...base, applicantId: 'C', name: '丙', proposed: 'nomination', outcome: 'nomination' },
      ]),
    ).toEqual([
      { applicantId: 'A', name: '甲', outcome: 'award' },
      { applicantId: 'C', name: '丙', outcome: 'nomination' },
    ]);
  });
});

describe('where the notice stands, and the move to decided', () => {
  const at = (iso: string) => Date.parse(iso);
  it('not started, running, ended without objection: by the period in China’s calendar', () => {
    expect(noticeStateOf(undefined, [], at('2025-06-03T02:00:00Z')).state).toBe('not-started');
    expect(noticeStateOf(period, [], at('2025-05-31T15:59:00Z')).state).toBe('not-started');
    expect(noticeStateOf(period, [], at('2025-05-31T16:00:00Z')).state).toBe('running');
    expect(noticeStateOf(period, [], at('2025-06-07T15:59:00Z')).state).toBe('running');
    expect(noticeStateOf(period, [], at('2025-06-07T16:00:00Z')).state).toBe('ended-without-objection');
  });

  it('a valid complaint open holds it under review, before, during or after the period; an invalid one does not', () => {
    expect(noticeStateOf(period, [complaint()], at('2025-06-20T02:00:00Z'))).toMatchObject({ state: 'complaint-under-review', open: ['c1'] });
    expect(noticeStateOf(period, [complaint({ status: 'investigating' })], at('2025-06-03T02:00:00Z')).state).toBe('complaint-under-review');
    const unsigned = complaint({ complainant: { ...person, signed: false } });
    expect(noticeStateOf(period, [unsigned], at('2025-06-20T02:00:00Z')).state).toBe('ended-without-objection');
    expect(noticeStateOf(period, [complaint({ status: 'unfounded', finding: '经核查不属实' })], at('2025-06-20T02:00:00Z')).state).toBe('ended-without-objection');
    expect(noticeStateOf(period, [complaint({ status: 'proven', finding: '属实' })], at('2025-06-04T02:00:00Z'))).toMatchObject({ state: 'ended-with-proven-complaint', proven: ['c1'] });
  });

  const onNotice = (notice: ApplicantState['notice'], decision: ApplicantState['decision'] = 'award'): ApplicantState => ({
    stage: 'public-notice',
    eligibility: {},
    exclusions: {},
    eligibilityContext: { rules: rulesFromPreset('draft-2021', 0), facts: { incidents: [] }, priorAwards: [] },
    decision,
    notice,
  });

  it('refuses the move to decided while the notice runs or a complaint is open, with the reason', () => {
    const running = checkTransition(onNotice(noticeStateOf(period, [], at('2025-06-03T02:00:00Z'))), 'decided');
    expect(!running.ok && running.error[0]!.zh).toBe('不能确定：公示中，公示期至2025-06-07止，尚未期满（第十七条第八、九项）');
    const open = checkTransition(onNotice(noticeStateOf(period, [complaint()], at('2025-06-20T02:00:00Z'))), 'decided');
    expect(!open.ok && open.error[0]!.zh).toBe('不能确定：举报核查中，有举报尚在核查（c1）（第十七条第八、九项）');
    const proven = checkTransition(onNotice(noticeStateOf(period, [complaint({ status: 'proven', finding: '属实' })], at('2025-06-20T02:00:00Z'))), 'decided');
    expect(!proven.ok && proven.error[0]!.en).toMatch(/complaint was proven/);
    expect(checkTransition(onNotice(noticeStateOf(period, [], at('2025-06-08T02:00:00Z'))), 'decided').ok).toBe(true);
  });

  it('a candidate goes into the notice only when the committee put it forward, and is decided only through it', () => {
    const { decision: _none, ...undecided } = onNotice(undefined);
    const candidate = { ...undecided, stage: 'candidate' as const };
    expect(checkTransition(candidate, 'public-notice')).toMatchObject({ ok: false, error: [{ code: 'no-decision' }] });
    expect(checkTransition({ ...candidate, decision: 'nomination' }, 'public-notice').ok).toBe(true);
    expect(checkTransition({ ...candidate, decision: 'award' }, 'decided')).toMatchObject({ ok: false, error: [{ code: 'put-forward' }] });
    expect(checkTransition({ ...candidate, decision: 'notAwarded' }, 'decided').ok).toBe(true);
  });
});
