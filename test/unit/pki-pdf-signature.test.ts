import { describe, expect, it } from 'vitest';
import { createRootCertificate, issueCertificate } from '../../shared/pki/certificates.js';
import { countersign, verifyCountersignature } from '../../shared/pki/countersignature.js';
import { signPdf, verifyPdfSignature, type PdfSigner } from '../../shared/pki/pades.js';
import { addSignaturePlaceholder } from '../../shared/pki/pdf-signature-placeholder.js';
import type { SignPort } from '../../shared/pki/signer-port.js';
import { makeSigner, tinyPdf } from './pki-test-keys.js';

async function leaderSigner(): Promise<{ signer: PdfSigner; spki: Uint8Array; sign: SignPort }> {
  const secretariat = await makeSigner();
  const leader = await makeSigner();
  const notBefore = new Date('2026-01-01T00:00:00Z');
  const root = await createRootCertificate({ issuer: secretariat, subject: { name: '秘书处', organisation: '郑州市市场监督管理局' }, notBefore });
  const certificate = await issueCertificate({ issuer: secretariat, issuerCertificate: root, subject: { name: '王建国', organisation: '河南省质量协会' }, subjectSpki: leader.spki, notBefore });
  return { signer: { sign: leader.sign, certificate, chain: [root] }, spki: leader.spki, sign: leader.sign };
}

const field = { name: '王建国', reason: '组长签署现场评审报告', location: '郑州', signingTime: new Date('2026-11-29T02:00:00Z') };

describe('PAdES signature by incremental update', () => {
  it('keeps the original bytes, covers the whole file, and verifies', async () => {
    const pdf = tinyPdf();
    const { signer } = await leaderSigner();
    const signed = await signPdf(pdf, signer, field);
    expect(signed.subarray(0, pdf.length)).toEqual(pdf);
    const check = await verifyPdfSignature(signed);
    expect(check.valid).toBe(true);
    expect(check.coversWholeFile).toBe(true);
    expect(check.signingTime).toEqual(field.signingTime);
    expect(check.signerCertificate).toEqual(signer.certificate);
  });

  it('fails after one changed byte inside the signed range', async () => {
    const { signer } = await leaderSigner();
    const signed = await signPdf(tinyPdf(), signer, field);
    const tampered = signed.slice();
    tampered[60] = tampered[60]! ^ 0x01;
    const check = await verifyPdfSignature(tampered);
    expect(check.valid).toBe(false);
  });

  it('reports a PDF with no signature, and refuses to sign twice or a cross-reference stream', async () => {
    const { signer } = await leaderSigner();
    expect(await verifyPdfSignature(tinyPdf())).toMatchObject({ valid: false, reason: 'the PDF has no signature' });
    const signed = await signPdf(tinyPdf(), signer, field);
    expect(() => addSignaturePlaceholder(signed, field)).toThrow(/already has a form/);
    const xrefStream = new TextEncoder().encode('%PDF-1.7\n1 0 obj\n<< /Type /XRef >>\nendobj\nstartxref\n9\n%%EOF\n');
    expect(() => addSignaturePlaceholder(xrefStream, field)).toThrow(/cross-reference streams are not supported/);
    expect(() => addSignaturePlaceholder(new TextEncoder().encode('hello'), field)).toThrow(/not a PDF/);
  });

  it('countersignatures verify for the member’s key over these exact bytes only', async () => {
    const { signer } = await leaderSigner();
    const signed = await signPdf(tinyPdf(), signer, field);
    const member = await makeSigner();
    const other = await makeSigner();
    const cs = await countersign(signed, member.sign);
    expect(cs[0]).toBe(0x30);
    expect(await verifyCountersignature(signed, cs, member.spki)).toBe(true);
    expect(await verifyCountersignature(signed, cs, other.spki)).toBe(false);
    // A damaged or hostile key answers false rather than throwing into the caller.
    expect(await verifyCountersignature(signed, cs, new Uint8Array([0x30, 0x03, 0x02, 0x01, 0x00]))).toBe(false);
    const changed = signed.slice();
    changed[signed.length - 10] = changed[signed.length - 10]! ^ 1;
    expect(await verifyCountersignature(changed, cs, member.spki)).toBe(false);
    expect(await verifyCountersignature(signed, new Uint8Array([1, 2, 3]), member.spki)).toBe(false);
  });
});
