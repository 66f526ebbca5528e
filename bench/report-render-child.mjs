// Run by report.bench.mjs in a fresh Node process, so that its first render really is the first
// in the process (the runner loads every bench into one process). Renders the report for a
// 7-member panel with `photos` evidence photos (argv[2]) six times, signs the first, and prints
// { firstMs, medianMs, signMs, sizeMB } as JSON on stdout.
import { demoReportInput } from '../cli/lib/report-demo-input.ts';
import { loadReportFonts } from '../cli/lib/report-fonts.ts';
import { createRootCertificate, issueCertificate } from '../shared/pki/certificates.ts';
import { signPdf } from '../shared/pki/pades.ts';
import { signedBytes } from '../shared/crypto/sign-request.ts';
import { renderReportPdf } from '../shared/report/render-pdf.ts';

const MB = 1024 * 1024;

async function signer() {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return { spki, sign: async (request) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, signedBytes(request))) };
}

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const photos = Number(process.argv[2] ?? '0');
const input = demoReportInput({ members: 7, photos });
const fonts = loadReportFonts();
let t = performance.now();
// CPU time too: on the shared 2-core machine the wall time stretches with the load average,
// the process's own CPU time (every thread, garbage collection included) much less.
const cpuAtStart = process.cpuUsage();
const first = await renderReportPdf(input, fonts);
const firstMs = performance.now() - t;
const cpu = process.cpuUsage(cpuAtStart);
const firstCpuMs = (cpu.user + cpu.system) / 1000;
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
const signMs = performance.now() - t;
process.stdout.write(JSON.stringify({ firstMs, firstCpuMs, medianMs: median(warm), signMs, sizeMB: signed.length / MB }));
