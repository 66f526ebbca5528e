import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRootCertificate, describeCertificate, issueCertificate, positiveSerial, verifyCertificate } from '../../shared/pki/certificates.js';
import { derSignatureToRaw, lowS, rawSignatureToDer } from '../../shared/crypto/ecdsa-signature.js';
import { certificateToPem } from '../../shared/pki/pem.js';
import { makeSigner } from './pki-test-keys.js';

describe('the secretariat as certificate authority', () => {
  it('issues a root and an expert certificate that openssl verifies, with the right key usage', async () => {
    const secretariat = await makeSigner();
    const expert = await makeSigner();
    const notBefore = new Date('2026-11-01T00:00:00Z');
    const root = await createRootCertificate({ issuer: secretariat, subject: { name: '郑州市市长质量奖评定委员会秘书处', organisation: '郑州市市场监督管理局' }, notBefore });
    const leaf = await issueCertificate({
      issuer: secretariat,
      issuerCertificate: root,
      subject: { name: '张明华', organisation: '郑州大学管理学院' },
      subjectSpki: expert.spki,
      notBefore,
    });
    const dir = mkdtempSync(join(tmpdir(), 'zqa-pki-'));
    writeFileSync(join(dir, 'root.pem'), certificateToPem(root));
    writeFileSync(join(dir, 'leaf.pem'), certificateToPem(leaf));
    const verify = execFileSync('openssl', ['verify', '-attime', String(Date.parse('2027-01-01') / 1000), '-CAfile', join(dir, 'root.pem'), join(dir, 'leaf.pem')], { encoding: 'utf8' });
    expect(verify).toMatch(/leaf\.pem: OK/);
    const text = execFileSync('openssl', ['x509', '-in', join(dir, 'leaf.pem'), '-noout', '-text', '-nameopt', 'utf8'], { encoding: 'utf8' });
    expect(text).toMatch(/CN\s*=\s*张明华/);
    expect(text).toMatch(/O\s*=\s*郑州大学管理学院/);
    expect(text).toMatch(/Digital Signature, Non Repudiation/);
    expect(text).toMatch(/CA:FALSE/);
    expect(text).toMatch(/Not After : Nov {2}1 00:00:00 2030 GMT/);
    expect(text).toMatch(/ecdsa-with-SHA256/);

    const summary = describeCertificate(leaf);
    expect(summary.subject).toEqual({ name: '张明华', organisation: '郑州大学管理学院' });
    expect(summary.issuer.name).toBe('郑州市市长质量奖评定委员会秘书处');
    expect(summary.spki).toEqual(expert.spki);
    expect(await verifyCertificate(leaf, root, new Date('2027-06-01'))).toBe(true);
    expect(await verifyCertificate(leaf, root, new Date('2031-06-01'))).toBe(false);
    expect(await verifyCertificate(leaf, leaf, new Date('2027-06-01'))).toBe(false);
  });

  it('refuses to issue with a key that is not the issuer certificate’s', async () => {
    const secretariat = await makeSigner();
    const impostor = await makeSigner();
    const root = await createRootCertificate({ issuer: secretariat, subject: { name: '秘书处', organisation: '市场监管局' }, notBefore: new Date() });
    await expect(
      issueCertificate({ issuer: impostor, issuerCertificate: root, subject: { name: '李四', organisation: 'x' }, subjectSpki: impostor.spki, notBefore: new Date() }),
    ).rejects.toThrow(/not the key of the issuer/);
  });

  it('converts ECDSA signatures between raw and DER both ways', async () => {
    const s = await makeSigner();
    for (let i = 0; i < 20; i++) {
      const raw = lowS(await s.sign({ purpose: 'certificate', data: new Uint8Array([0x30, i]) }));
      expect(derSignatureToRaw(rawSignatureToDer(raw))).toEqual({ ok: true, value: raw });
    }
    // A high bit in r takes DER's zero pad (s is always low, so only r can need it).
    const edge = new Uint8Array(64);
    edge[0] = 0x80;
    edge[63] = 1;
    expect(rawSignatureToDer(edge)).toEqual(new Uint8Array([0x30, 0x26, 0x02, 0x21, 0x00, 0x80, ...new Array<number>(31).fill(0), 0x02, 0x01, 0x01]));
    expect(derSignatureToRaw(new Uint8Array([0x30, 0x01, 0x02]))).toEqual({ ok: false, error: 'not a DER ECDSA signature' });
  });

  it('writes a serial as a minimal positive DER integer whatever random bytes it starts from', () => {
    const serial = (bytes: number[]) => [...new Uint8Array(positiveSerial(new Uint8Array(bytes)))];
    expect(serial([0x00, 0x12, 0x34])).toEqual([0x12, 0x34]); // the one OpenSSL refused: "illegal padding"
    expect(serial([0x00, 0x00, 0x92])).toEqual([0x00, 0x92]);
    expect(serial([0x92, 0x01])).toEqual([0x00, 0x92, 0x01]);
    expect(serial([0x12, 0x01])).toEqual([0x12, 0x01]);
    expect(serial([0x00, 0x00])).toEqual([0x00]);
  });
});
