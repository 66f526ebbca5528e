import { describe, expect, it } from 'vitest';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { ELIGIBILITY_CONDITIONS_BY_PRESET } from '../../shared/regulation/eligibility.js';
import { rulesFromPreset } from '../../shared/regulation/presets.js';
import { GBT19580_2012 } from '../../shared/criteria/gbt19580-2012.js';
import { itemsOf } from '../../shared/criteria/validate-criteria-set.js';
import { readXlsx } from '../readers/xlsx-read.js';
import { verifyPackage } from '../../shared/packages/verify-package.js';
import { ZqaDatabase } from '../../renderer/src/db/database.js';
import { addApplicant, moveStage, setEligibility, setFacts, setMaterialReview, updateProfile } from '../../renderer/src/workspaces/secretariat/store/applicant-store.js';
import { saveCycle } from '../../renderer/src/workspaces/secretariat/store/cycle-store.js';
import { recordDecision } from '../../renderer/src/workspaces/secretariat/store/decision-store.js';
import { confirmFingerprint, importExpertCard, setInterests } from '../../renderer/src/workspaces/secretariat/store/expert-store.js';
import { exportInput, workbookFile } from '../../renderer/src/workspaces/secretariat/store/export-files.js';
import { issueAssignment } from '../../renderer/src/workspaces/secretariat/store/issue-assignment.js';
import { addComplaint, setComplaintStatus, setNoticePeriod } from '../../renderer/src/workspaces/secretariat/store/notice-store.js';
import { loadOverview } from '../../renderer/src/workspaces/secretariat/store/overview.js';
import { savePanel } from '../../renderer/src/workspaces/secretariat/store/panel-store.js';
import { addStaff, setHandlers, setStaffInterests } from '../../renderer/src/workspaces/secretariat/store/staff-store.js';
import { receivePanelReturn } from '../../renderer/src/workspaces/secretariat/store/receive-panel-return.js';
import { loadSecretariatSelf } from '../../renderer/src/workspaces/secretariat/store/secretariat-identity.js';
import { softwareKeyHolder } from '../../shared/crypto/key-holder.js';
import { generateIdentityKeyPairs } from '../../shared/crypto/keys.js';
import { certifyMembers } from '../../shared/workflow/certify-experts.js';
import { writeAssignmentPackage } from '../../shared/workflow/issue-assignment.js';
import { memoryCertificateStore } from '../../shared/workflow/memory/certificate-store.js';
import { makeIdentityCard } from '../../shared/identity/identity-card.js';
import { makeExpert, makePanelReturn, openAssignment, type Expert } from '../e2e/support/secretariat-returns.js';

/**
 * The secretariat's workspace over its real store (fake IndexedDB), files only between the
 * devices: a cycle, an applicant, the pool from identity-card packages, a panel (a recusal
 * refused with its reason), an assignment package; a panel return made by the experts' own
 * keys through the shared code; the overview, decisions, notice and export.
 */
const CREDIT = '91410100MA44XNTK54';
const items = itemsOf(GBT19580_2012);

async function tables(db: ZqaDatabase): Promise<string> {
  const out: Record<string, unknown> = {};
  for (const t of db.tables.filter((x) => x.name.startsWith('sec'))) out[t.name] = await t.toArray();
  return JSON.stringify(out);
}

describe('secretariat workspace store', () => {
  it('runs a cycle from set-up to the comprehensive review and refuses what breaks the rules', { timeout: 60_000 }, async () => {
    const db = new ZqaDatabase('sec-flow', { indexedDB: new IDBFactory(), IDBKeyRange });
    const keys = await softwareKeyHolder(await generateIdentityKeyPairs(false));
    await db.deviceProfile.put({ id: 'device', name: '秘书处张敏', organisation: '郑州市市长质量奖评审委员会秘书处', role: 'secretariat', keyId: 'x', fingerprint: 'x', createdAt: '', updatedAt: '' });
    const self = await loadSecretariatSelf(db, keys);

    const bad = await saveCycle(db, { id: 'zqa-2026', ordinal: 3, year: 2026, name: '第三届', criteriaSetId: GBT19580_2012.id, rules: { ...rulesFromPreset('draft-2021', 0), panelSizeMin: 8 } }, self.actor);
    expect(bad.ok).toBe(false);
    expect(await db.secCycles.count()).toBe(0);
    expect((await saveCycle(db, { id: 'zqa-2026', ordinal: 3, year: 2026, name: '第三届市长质量奖', criteriaSetId: GBT19580_2012.id, rules: { preset: 'draft-2021', nominationMinimumPoints: 0 }, callDate: '2026-03-01', reviewDate: '2026-06-01' }, self.actor)).ok).toBe(true);

    const wrongCode = await addApplicant(db, 'zqa-2026', { id: 'a1', name: '郑州宇通精密机械有限公司', creditCode: CREDIT.slice(0, 17) + '5', industry: '装备制造', address: '郑州市', contact: { name: '王', phone: '0371-1234567' } }, self.actor);
    expect(wrongCode.ok).toBe(false);
    if (!wrongCode.ok) expect(wrongCode.error[0]!.zh).toMatch(/^统一社会信用代码：.*校验码错误/);
    const added = await addApplicant(db, 'zqa-2026', { id: 'a1', name: '郑州宇通精密机械有限公司', creditCode: CREDIT, industry: '装备制造', address: '郑州市', contact: { name: '王', phone: '0371-1234567' } }, self.actor);
    expect(added.ok).toBe(true);
    const profileInput = { name: '郑州宇通精密机械有限公司', creditCode: CREDIT, industry: '装备制造', address: '郑州市经开区', contact: { name: '王', phone: '0371-1234567' } };
    expect((await updateProfile(db, 'a1', { ...profileInput, creditCode: `${CREDIT.slice(0, 17)}5` }, self.actor)).ok).toBe(false);
    expect((await updateProfile(db, 'a1', profileInput, self.actor)).ok).toBe(true);
    expect((await db.secApplicants.get('a1'))!.record.profile.address).toBe('郑州市经开区');
    const early = await moveStage(db, 'a1', 'eligible', undefined, self.actor);
    expect(early.ok).toBe(false);
    for (const c of ELIGIBILITY_CONDITIONS_BY_PRESET['draft-2021']) await setEligibility(db, 'a1', c.id, { status: 'met', evidence: '营业执照等' }, self.actor);
    // Ticks do not count for the years: those come from dates, to the cycle's call (2026-03-01).
    const undated = await moveStage(db, 'a1', 'eligible', undefined, self.actor);
    expect(!undated.ok && undated.error.map((e) => e.en)).toEqual([expect.stringContaining('its start date is needed'), expect.stringContaining('its start date is needed')]);
    expect((await setFacts(db, 'a1', { foundedOn: '2024-01-01', excellenceModelSince: '2020-01-01', incidents: [] }, self.actor)).ok).toBe(true);
    const young = await moveStage(db, 'a1', 'eligible', undefined, self.actor);
    expect(!young.ok && young.error[0]!.zh).toContain('（2年，须满3年）');
    // Two dates saved at once (a person tabbing through both fields) both stay.
    await Promise.all([setFacts(db, 'a1', { foundedOn: '2008-01-01' }, self.actor), setFacts(db, 'a1', { excellenceModelSince: '2020-01-02' }, self.actor)]);
    expect((await db.secApplicants.get('a1'))!.record.facts).toEqual({ foundedOn: '2008-01-01', excellenceModelSince: '2020-01-02', incidents: [] });
    expect((await moveStage(db, 'a1', 'eligible', undefined, self.actor)).ok).toBe(true);
    const offGrid = await setMaterialReview(db, 'a1', { criteriaSetId: GBT19580_2012.id, percentByItem: Object.fromEntries(items.map((i) => [i.id, 52])), siteVisitIssues: [] }, self.actor);
    expect(offGrid.ok).toBe(false);
    expect((await setMaterialReview(db, 'a1', { criteriaSetId: GBT19580_2012.id, percentByItem: Object.fromEntries(items.map((i) => [i.id, 55])), siteVisitIssues: [{ itemId: '4.7.4', text: '核实近三年财务报表' }] }, self.actor)).ok).toBe(true);
    expect((await moveStage(db, 'a1', 'material-review', undefined, self.actor)).ok).toBe(true);

    // Staff recuse like experts: one employed by the applicant cannot handle it (Art. 18).
    const insider = await addStaff(db, { name: '孙丽', employer: { name: '郑州宇通精密机械有限公司' } }, self.actor);
    const clerk = await addStaff(db, { name: '周强', employer: { name: '郑州市市场监督管理局' } }, self.actor);
    if (!insider.ok || !clerk.ok) throw new Error('staff not added');
    const refusedHandlers = await setHandlers(db, 'a1', [clerk.value.id, insider.value.id], self.actor);
    expect(!refusedHandlers.ok && refusedHandlers.error.map((e) => e.zh)).toEqual(['工作人员孙丽的工作单位“郑州宇通精密机械有限公司”即申报单位“郑州宇通精密机械有限公司”（单位名称相同），依第十八条应当回避']);
    expect((await db.secApplicants.get('a1'))!.record.handlerIds).toEqual([]);
    expect((await setHandlers(db, 'a1', [clerk.value.id], self.actor)).ok).toBe(true);
    expect((await setStaffInterests(db, clerk.value.id, [{ kind: 'family', organisation: '郑州宇通精密机械有限公司', relation: '配偶' }], self.actor)).ok).toBe(true);
    expect((await setHandlers(db, 'a1', [clerk.value.id], self.actor)).ok).toBe(false);

    const experts: Expert[] = [];
    for (const [i, name] of ['李建国', '王丽华', '张志强', '刘秀英', '陈明', '杨伟'].entries()) {
      const e = await makeExpert({ name, organisation: `单位${i}`, role: 'expert' });
      experts.push(e);
      const r = await importExpertCard(db, e.cardPackage, self.actor);
      expect(r.ok).toBe(true);
    }
    expect((await importExpertCard(db, experts[0]!.cardPackage, self.actor)).ok).toBe(false);
    const tampered = experts[1]!.cardPackage.slice();
    tampered[tampered.length - 20] = tampered[tampered.length - 20]! ^ 1;
    expect((await importExpertCard(db, tampered, self.actor)).ok).toBe(false);
    const rows = await db.secExperts.toArray();
    const idOf = (e: Expert) => rows.find((r) => r.keyId === e.card.keyId)!.id;
    for (const e of experts) await confirmFingerprint(db, idOf(e), true, self.actor);
    const conflicted = experts[5]!;
    expect((await setInterests(db, idOf(conflicted), [{ kind: 'former-employer', organisation: '郑州宇通精密机械有限责任公司', until: '2024-05-01' }], self.actor)).ok).toBe(true);

    const withConflict = await savePanel(db, { cycleId: 'zqa-2026', applicantId: 'a1', memberIds: experts.map(idOf), leaderId: idOf(experts[0]!) }, self.actor);
    expect(withConflict.ok).toBe(false);
    if (!withConflict.ok) expect(withConflict.error.map((p) => p.code)).toEqual(['recusal']);
    expect(await db.secPanels.count()).toBe(0);
    const members = experts.slice(0, 5);
    const panel = await savePanel(db, { cycleId: 'zqa-2026', applicantId: 'a1', memberIds: members.map(idOf), leaderId: idOf(experts[0]!) }, self.actor);
    expect(panel.ok).toBe(true);
    if (!panel.ok) return;

    const issued = await issueAssignment(db, panel.value.id, self);
    if (!issued.ok) throw new Error(issued.error.map((e) => e.en).join('; '));
    const verified = await verifyPackage(issued.value.bytes, { trust: null });
    expect(verified.ok && verified.value.manifest.recipients.length).toBe(6);

    // A re-issue is the next revision and reuses each expert's certificate.
    const certificates = async () => (await db.secExperts.toArray()).map((e) => e.certificate?.der ?? null);
    const issuedCertificates = await certificates();
    expect(issuedCertificates.filter((c) => c !== null)).toHaveLength(5);
    const reissued = await issueAssignment(db, panel.value.id, self);
    expect(reissued.ok && reissued.value.row.revision).toBe(2);
    expect(await certificates()).toEqual(issuedCertificates);

    const returned = await makePanelReturn(issued.value.bytes, members);
    const before = await tables(db);
    const broken = returned.slice();
    const middle = Math.floor(broken.length / 2);
    broken[middle] = broken[middle]! ^ 0xff;
    const refused = await receivePanelReturn(db, broken, 'broken.zqa', self);
    expect(refused.ok).toBe(false);
    expect(await tables(db)).toBe(before);

    // A return for the same panel under an assignment another "secretariat" signed is not ours.
    const foreignKeys = await softwareKeyHolder(await generateIdentityKeyPairs(false));
    const foreignCard = await makeIdentityCard({ name: '冒名秘书处', organisation: '某单位', role: 'secretariat' }, await foreignKeys.publicKeys());
    const original = await openAssignment(issued.value.bytes, members[0]!);
    // The impostor runs the secretariat's own steps with its own keys and certificate authority.
    const issuedAt = { now: () => new Date(Date.parse(original.issuedAt) - 60_000) };
    const foreignCertificates = await certifyMembers(memoryCertificateStore(), { identity: foreignCard, keys: foreignKeys }, original.panel.members, issuedAt);
    const { role: _role, ...foreignIdentity } = foreignCard;
    const foreignPackage = await writeAssignmentPackage({ ...original, secretariat: foreignIdentity, certificates: foreignCertificates }, null, { keys: foreignKeys, clock: issuedAt, secretariat: foreignCard });
    if (!foreignPackage.ok) throw new Error(foreignPackage.error.en);
    const foreignReturn = await makePanelReturn(foreignPackage.value.written.bytes, members, { seed: 11 });
    const notOurs = await receivePanelReturn(db, foreignReturn, 'foreign.zqa', self);
    expect(notOurs.ok).toBe(false);
    if (!notOurs.ok) expect(notOurs.error.zh).toContain('这个评审包不是发给您的');
    expect(await tables(db)).toBe(before);

    const received = await receivePanelReturn(db, returned, 'panel-return.zqa', self);
    if (!received.ok) throw new Error(received.error.en);
    expect((await receivePanelReturn(db, returned, 'again.zqa', self)).ok).toBe(false);
    const overview = (await loadOverview(db, 'zqa-2026'))!;
    expect(overview.rows[0]!.result!.totalHundredths).toBe(received.value.result.totalHundredths);
    expect((await db.secApplicants.get('a1'))!.record).toMatchObject({ onSiteTotalHundredths: received.value.result.totalHundredths, stage: 'on-site' });
    // The issued assignment carried the cycle's rules; the recommendation shown is the one the panel signed under them.
    expect(issued.value.row.content.rules).toEqual((await db.secCycles.get('zqa-2026'))!.cycle.rules);
    expect(received.value.result.signedUnder).toEqual({ awardThresholdPoints: 500, nominationMinimumPoints: 0 });

    const entry = overview.rows[0]!.entry!;
    const other = entry.list === 'notAwarded' ? 'nomination' : 'notAwarded';
    const vote = { for: 10, against: 2, abstaining: 1 };
    expect((await recordDecision(db, 'zqa-2026', 'a1', { outcome: other, reason: '', vote }, self.actor)).ok).toBe(false);
    const unvoted = await recordDecision(db, 'zqa-2026', 'a1', { outcome: 'nomination', reason: '行业代表性', vote: { for: 0, against: 0, abstaining: 0 } }, self.actor);
    expect(!unvoted.ok && unvoted.error.map((e) => e.code)).toEqual(['vote']);
    expect((await recordDecision(db, 'zqa-2026', 'a1', { outcome: 'nomination', reason: entry.list === 'nomination' ? '' : '行业代表性', vote }, self.actor)).ok).toBe(true);

    expect((await setNoticePeriod(db, 'zqa-2026', { start: '2026-07-01', end: '2026-07-06' }, self.actor)).ok).toBe(false);
    expect((await setNoticePeriod(db, 'zqa-2026', { start: '2026-07-01', end: '2026-07-07' }, self.actor)).ok).toBe(true);
    const complaint = { id: 'c1', applicantId: 'a1', receivedAt: Date.parse('2026-07-03T02:00:00Z'), inWriting: true, summary: '近三年存在亏损', evidence: '财务报表复印件', complainant: { kind: 'person', name: '赵某', signed: true, phone: '13800000000', address: '郑州市', identityProof: '身份证复印件' } };
    expect((await addComplaint(db, 'zqa-2026', complaint, self.actor)).ok).toBe(true);
    expect((await setComplaintStatus(db, 'c1', 'proven', '', self.actor)).ok).toBe(false);
    expect((await setComplaintStatus(db, 'c1', 'proven', '经核查属实', self.actor)).ok).toBe(true);
    const withdrawn = (await db.secApplicants.get('a1'))!.record;
    expect(withdrawn.stage).toBe('withdrawn');
    expect(withdrawn.history.at(-1)!.reason).toMatch(/取消候选资格/);

    const book = await workbookFile(await exportInput(db, (await loadOverview(db, 'zqa-2026'))!));
    if (!book.ok) throw new Error(book.error.join('; '));
    const read = readXlsx(book.value.bytes);
    if (!read.ok) throw new Error(String(read.error));
    expect(read.value.map((s) => s.name)).toEqual(['综合评审汇总', '评分明细']);
    expect(read.value[1]!.rows.length).toBe(1 + items.length * 6);

    // A secretariat restored onto new keys has a new root: every certificate is issued again under it.
    const renewed = await loadSecretariatSelf(db, await softwareKeyHolder(await generateIdentityKeyPairs(false)));
    const third = await issueAssignment(db, panel.value.id, renewed);
    if (!third.ok) throw new Error(third.error.map((e) => e.en).join('; '));
    expect(third.value.row.revision).toBe(3);
    const renewedCertificates = await certificates();
    expect(renewedCertificates.filter((c, i) => c !== null && c !== issuedCertificates[i])).toHaveLength(5);
    db.close();
  });
});
