import { describe, expect, it } from 'vitest';
import type { PanelMember } from '../../shared/consensus/member-scores.js';
import { createRootCertificate, issueCertificate } from '../../shared/pki/certificates.js';
import { countersign } from '../../shared/pki/countersignature.js';
import { signPdf } from '../../shared/pki/pades.js';
import { checkFinalisation, checkSignedReport } from '../../shared/report/report-checks.js';
import { sha256Hex } from '../../shared/util/bytes.js';
import { makeSigner, tinyPdf } from './pki-test-keys.js';

async function signedReport() {
  const secretariat = await makeSigner();
  const leader = await makeSigner();
  const notBefore = new Date('2026-01-01T00:00:00Z');
  const root = await createRootCertificate({ issuer: secretariat, subject: { name: '秘书处', organisation: '市场监管局' }, notBefore });
  const certificate = await issueCertificate({ issuer: secretariat, issuerCertificate: root, subject: { name: '王建国', organisation: '质量协会' }, subjectSpki: leader.spki, notBefore });
  const pdf = await signPdf(tinyPdf(), { sign: leader.sign, certificate, chain: [root] }, { name: '王建国', reason: '签署', location: '郑州', signingTime: new Date('2026-11-29T02:00:00Z') });
  return { pdf, root, leader, secretariat };
}

describe('checks before countersigning and before finalising', () => {
  it('accepts the leader’s signed PDF the package names, and says why it refuses others', async () => {
    const { pdf, root, leader } = await signedReport();
    const sha256 = await sha256Hex(pdf);
    expect(await checkSignedReport(pdf, { sha256, leaderSpki: leader.spki, rootCertificate: root })).toMatchObject({ ok: true, value: { signer: '王建国' } });
    expect(await checkSignedReport(pdf, { sha256: '00'.repeat(32), leaderSpki: leader.spki })).toMatchObject({ ok: false, error: expect.stringMatching(/SHA-256 differs/) as unknown });
    const someoneElse = await makeSigner();
    expect(await checkSignedReport(pdf, { sha256, leaderSpki: someoneElse.spki })).toMatchObject({ ok: false, error: expect.stringMatching(/not for the leader's key/) as unknown });
    const otherRoot = await createRootCertificate({ issuer: someoneElse, subject: { name: '别处', organisation: 'x' }, notBefore: new Date('2026-01-01') });
    expect(await checkSignedReport(pdf, { sha256, leaderSpki: leader.spki, rootCertificate: otherRoot })).toMatchObject({ ok: false, error: expect.stringMatching(/not issued by the secretariat/) as unknown });
    const appended = new Uint8Array([...pdf, ...new TextEncoder().encode('\n% extra\n')]);
    expect(await checkSignedReport(appended, { sha256: await sha256Hex(appended), leaderSpki: leader.spki })).toMatchObject({ ok: false, error: expect.stringMatching(/does not cover the whole file/) as unknown });
  });

  it('finalises only when every member countersigned or is excused with a reason', async () => {
    const { pdf } = await signedReport();
    const people = await Promise.all([0, 1, 2, 3, 4].map(() => makeSigner()));
    const roster: PanelMember[] = people.map((_, i) => ({ memberId: `m${i}`, name: `成员${i}`, organisation: 'x', role: i === 0 ? 'leader' : 'expert', fingerprint: '' }));
    const keys = new Map(people.map((p, i) => [`m${i}`, p.spki]));
    const signatures = new Map<string, Uint8Array>();
    for (const i of [1, 2, 3]) signatures.set(`m${i}`, await countersign(pdf, people[i]!.sign));
    const missing = await checkFinalisation(pdf, roster, { signatures, keys, excused: new Map() });
    expect(missing.ok).toBe(false);
    expect(!missing.ok && missing.error.find((s) => s.memberId === 'm4')?.status).toBe('missing');
    const excused = await checkFinalisation(pdf, roster, { signatures, keys, excused: new Map([['m4', '因病住院，无法会签']]) });
    expect(excused.ok && excused.value.map((s) => s.status)).toEqual(['countersigned', 'countersigned', 'countersigned', 'excused']);
    const wrong = new Map(signatures);
    wrong.set('m4', await countersign(pdf, people[1]!.sign));
    const invalid = await checkFinalisation(pdf, roster, { signatures: wrong, keys, excused: new Map() });
    expect(!invalid.ok && invalid.error.find((s) => s.memberId === 'm4')?.status).toBe('invalid');
    expect(await checkFinalisation(pdf, roster, { signatures, keys, excused: new Map([['m4', '   ']]) })).toMatchObject({ ok: false });
  });
});
