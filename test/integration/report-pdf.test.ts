import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { demoReportInput } from '../../cli/lib/report-demo-input.js';
import { loadReportFonts } from '../../cli/lib/report-fonts.js';
import { recommend } from '../../shared/consensus/recommendation.js';
import { createRootCertificate, issueCertificate } from '../../shared/pki/certificates.js';
import { countersign, verifyCountersignature } from '../../shared/pki/countersignature.js';
import { signPdf, verifyPdfSignature } from '../../shared/pki/pades.js';
import { certificateToPem, spkiToPem } from '../../shared/pki/pem.js';
import { renderReportPdf } from '../../shared/report/render-pdf.js';
import { formatHundredths } from '../../shared/scoring/hundredths.js';
import { makeSigner } from '../unit/pki-test-keys.js';

/**
 * The whole report path for a 7-member panel with full notes: render, sign as the leader
 * under a secretariat-issued certificate, countersign as a member, and check the result
 * with the tools a secretariat has (poppler, qpdf, openssl). Page images are kept in
 * test-results/report/ for people to look at.
 */
const OUT = resolve('test-results/report');
const run = (cmd: string, args: string[]) => spawnSync(cmd, args, { encoding: 'utf8' });

const input = demoReportInput({ members: 7 });
let unsigned: Uint8Array;
let signed: Uint8Array;
let leaderName: string;
let memberSpki: Uint8Array;
let countersignature: Uint8Array;

beforeAll(async () => {
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(OUT, { recursive: true });
  unsigned = await renderReportPdf(input, loadReportFonts());
  const secretariat = await makeSigner();
  const leader = await makeSigner();
  const member = await makeSigner();
  const notBefore = new Date('2026-10-01T00:00:00Z');
  const root = await createRootCertificate({ issuer: secretariat, subject: { name: '郑州市市长质量奖评定委员会秘书处', organisation: '郑州市市场监督管理局' }, notBefore });
  leaderName = input.roster.find((m) => m.role === 'leader')!.name;
  const certificate = await issueCertificate({ issuer: secretariat, issuerCertificate: root, subject: { name: leaderName, organisation: '河南省质量协会' }, subjectSpki: leader.spki, notBefore });
  signed = await signPdf(unsigned, { sign: leader.sign, certificate, chain: [root] }, { name: leaderName, reason: '评审组组长签署现场评审报告', location: '郑州', signingTime: new Date(input.issuedAt) });
  memberSpki = member.spki;
  countersignature = await countersign(signed, member.sign);
  writeFileSync(join(OUT, 'report-unsigned.pdf'), unsigned);
  writeFileSync(join(OUT, 'report.pdf'), signed);
  writeFileSync(join(OUT, 'root.pem'), certificateToPem(root));
  writeFileSync(join(OUT, 'member.pem'), spkiToPem(member.spki));
  writeFileSync(join(OUT, 'member-countersignature.der'), countersignature);
  execFileSync('pdftoppm', ['-png', '-r', '60', join(OUT, 'report.pdf'), join(OUT, 'page')]);
});

describe('the on-site review report PDF', () => {
  it('gives its Chinese text back to pdftotext: applicant, title, total, recommendation', () => {
    const text = execFileSync('pdftotext', ['-layout', join(OUT, 'report.pdf'), '-'], { encoding: 'utf8' });
    const facts = recommend(input.criteriaSet, input.consensus, input.rules);
    if (!facts.ok) throw new Error(facts.error.message);
    expect(text).toContain(input.applicant.name);
    expect(text).toContain('现场评审报告');
    expect(text).toContain('郑州市市长质量奖');
    expect(text).toContain(formatHundredths(facts.value.totalHundredths));
    expect(text).toContain('2026年11月29日');
    expect(text).toContain('推荐为市长质量奖候选单位');
    for (const m of input.roster) {
      expect(text).toContain(m.name);
      expect(text).toContain(m.fingerprint);
    }
  });

  it('embeds its fonts as subsets', () => {
    const lines = execFileSync('pdffonts', [join(OUT, 'report.pdf')], { encoding: 'utf8' }).trim().split('\n').slice(2);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) {
      expect(line).toMatch(/NotoSansSC/);
      expect(line).toMatch(/\byes\s+yes\s+yes\b/); // emb, sub, uni
    }
  });

  it('passes qpdf --check before and after signing', () => {
    for (const file of ['report-unsigned.pdf', 'report.pdf']) {
      const r = run('qpdf', ['--check', join(OUT, file)]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      expect(r.stdout).toMatch(/No syntax or stream encoding errors/);
    }
  });

  it('has a leader signature pdfsig reports valid over the whole document', async () => {
    const out = run('pdfsig', [join(OUT, 'report.pdf')]).stdout;
    expect(out).toMatch(/Signature Validation: Signature is Valid\./);
    expect(out).toMatch(/Total document signed/);
    expect(out).toContain(`Signer Certificate Common Name: ${leaderName}`);
    expect(out).toMatch(/Signature Type: ETSI\.CAdES\.detached/);
    expect(out).toMatch(/Signing Hash Algorithm: SHA-256/);
    expect((await verifyPdfSignature(signed)).valid).toBe(true);
  });

  it('holds a CMS that openssl verifies over the byte ranges, chained to the secretariat root', () => {
    const text = Buffer.from(signed).toString('latin1');
    const m = /\/ByteRange \[(\d+) (\d+) (\d+) (\d+)\s*\]/.exec(text)!;
    const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
    const content = Buffer.concat([Buffer.from(signed.subarray(a, a + b)), Buffer.from(signed.subarray(c, c + d))]);
    const padded = Buffer.from(text.slice(b + 1, c - 1), 'hex');
    const length = 4 + padded.readUInt16BE(2); // SEQUENCE with a two-byte length: 30 82 hh ll
    expect(padded[0]).toBe(0x30);
    expect(padded[1]).toBe(0x82);
    writeFileSync(join(OUT, 'leader-signature.p7s'), padded.subarray(0, length));
    writeFileSync(join(OUT, 'signed-ranges.bin'), content);
    const r = run('openssl', ['cms', '-verify', '-binary', '-inform', 'DER', '-in', join(OUT, 'leader-signature.p7s'), '-content', join(OUT, 'signed-ranges.bin'), '-CAfile', join(OUT, 'root.pem'), '-purpose', 'any', '-attime', String(Date.parse(input.issuedAt) / 1000), '-out', '/dev/null']);
    expect(r.stderr).toMatch(/Verification successful/);
    rmSync(join(OUT, 'signed-ranges.bin'));
  });

  it('reports the signature invalid after one byte inside the signed range changes', async () => {
    const tampered = signed.slice();
    const at = Buffer.from(tampered).indexOf('/Producer');
    expect(at).toBeGreaterThan(0);
    tampered[at + 2] = tampered[at + 2]! ^ 0x20; // /Producer → /PrOducer: still a well-formed file
    const file = join(OUT, 'report-tampered.pdf');
    writeFileSync(file, tampered);
    const out = run('pdfsig', [file]).stdout;
    expect(out).not.toMatch(/Signature is Valid/);
    expect(out).toMatch(/Signature Validation: (Digest Mismatch|Signature is Invalid)/);
    expect((await verifyPdfSignature(tampered)).valid).toBe(false);
    rmSync(file);
  });

  it('carries a member countersignature that openssl verifies over its context and the PDF, and rejects for changed bytes', async () => {
    // The command docs/package-format.md §8 gives: the countersignature context, a zero byte, the PDF.
    const verify = (pdf: string) =>
      spawnSync('sh', ['-c', `{ printf 'ZQA-SIG/2 countersignature\\000'; cat "$1"; } | openssl dgst -sha256 -verify "$2" -signature "$3"`, 'sh', pdf, join(OUT, 'member.pem'), join(OUT, 'member-countersignature.der')], { encoding: 'utf8' });
    const ok = verify(join(OUT, 'report.pdf'));
    expect(ok.stdout.trim()).toBe('Verified OK');
    // Over the bare PDF (no purpose) it is not a signature at all: one kind cannot stand for another.
    const bare = run('openssl', ['dgst', '-sha256', '-verify', join(OUT, 'member.pem'), '-signature', join(OUT, 'member-countersignature.der'), join(OUT, 'report.pdf')]);
    expect(bare.status).not.toBe(0);
    const changed = signed.slice();
    changed[100] = changed[100]! ^ 1;
    writeFileSync(join(OUT, 'changed.pdf'), changed);
    const bad = verify(join(OUT, 'changed.pdf'));
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toContain('Verification failure');
    rmSync(join(OUT, 'changed.pdf'));
    expect(await verifyCountersignature(signed, countersignature, memberSpki)).toBe(true);
  });

  it('stays under 1.5 MB and renders the same bytes twice', async () => {
    expect(signed.length).toBeLessThan(1.5 * 1024 * 1024);
    const again = await renderReportPdf(input, loadReportFonts());
    expect(Buffer.from(again).equals(Buffer.from(unsigned))).toBe(true);
  });

  it('keeps page images for people to look at', () => {
    const pages = readdirSync(OUT).filter((f) => /^page-\d+\.png$/.test(f));
    expect(pages.length).toBeGreaterThanOrEqual(10);
  });

  it('says 不予推荐 with the exclusion when the panel confirms one', async () => {
    const excluded = demoReportInput({ members: 5, flaggedExclusions: [5] });
    const pdf = await renderReportPdf(excluded, loadReportFonts());
    const file = join(OUT, 'report-excluded.pdf');
    writeFileSync(file, pdf);
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' }).replace(/\s+/g, '');
    expect(text).toContain('不予推荐');
    expect(text).toMatch(/确认存在第十四条第（五）项否决情形/);
    expect(text).toContain('确认存在');
  });
});
