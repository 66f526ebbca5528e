// Report generation for a 7-member panel with full notes: render time, signing
// time and size of the signed PDF, in Node (the same pdfmake build the renderer loads).
import { demoReportInput } from '../cli/lib/report-demo-input.ts';
import { loadReportFonts } from '../cli/lib/report-fonts.ts';
import { createRootCertificate, issueCertificate } from '../shared/pki/certificates.ts';
import { signPdf } from '../shared/pki/pades.ts';
import { renderReportPdf } from '../shared/report/render-pdf.ts';

const MB = 1024 * 1024;

async function signer() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { spki, sign: async (data) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, data)) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

export const IDS = ['report.firstMs', 'report.medianMs', 'report.signMs', 'report.sizeMB'];

export default async function reportBench() {
  const input = demoReportInput({ members: 7 });
  const fonts = loadReportFonts();
  let t = performance.now();
  const first = await renderReportPdf(input, fonts);
  const cold = performance.now() - t;
  const warm = [];
  for (let i = 0; i < 5; i++) {
    t = performance.now();
    await renderReportPdf(input, fonts);
    warm.push(performance.now() - t);
  }
  const secretariat = await signer();
  const leader = await signer();
  const notBefore = new Date('2026-10-01T00:00:00Z');
  const root = await createRootCertificate({ issuer: secretariat, subject: { name: '秘书处', organisation: '郑州市市场监督管理局' }, notBefore });
  const certificate = await issueCertificate({ issuer: secretariat, issuerCertificate: root, subject: { name: '王建国', organisation: '河南省质量协会' }, subjectSpki: leader.spki, notBefore });
  t = performance.now();
  const signed = await signPdf(first, { sign: leader.sign, certificate, chain: [root] }, { name: '王建国', reason: '评审组组长签署', location: '郑州', signingTime: new Date(input.issuedAt) });
  const signing = performance.now() - t;
  const size = signed.length / MB;
  return [
    { id: 'report.firstMs', name: 'report render, first in process (7 members, full notes)', value: cold, unit: 'ms' },
    { id: 'report.medianMs', name: 'report render, median of 5 after the first', value: median(warm), unit: 'ms' },
    { id: 'report.signMs', name: 'report PAdES signing (placeholder, CMS, ECDSA)', value: signing, unit: 'ms' },
    { id: 'report.sizeMB', name: 'signed report size (7 members, full notes)', value: size, unit: 'MB' },
  ];
}
