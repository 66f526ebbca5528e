import { signedBytes } from '../../shared/crypto/sign-request.js';
import type { SigningIdentity } from '../../shared/pki/signer-port.js';

/** A key holder for tests: the private key stays inside the closure, as behind the bridge. */
export async function makeSigner(): Promise<SigningIdentity> {
  const pair = await crypto.subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify']);
  const spki = new Uint8Array(await crypto.subtle.exportKey('spki', pair.publicKey));
  return {
    spki,
    sign: async (request) => new Uint8Array(await crypto.subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, pair.privateKey, signedBytes(request) as Uint8Array<ArrayBuffer>)),
  };
}

/** A one-page PDF written by hand, with a classic xref table, as pdfkit writes them. */
export function tinyPdf(): Uint8Array {
  const objects = [
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Catalog /Pages 1 0 R >>',
    '<< /Type /Page /Parent 1 0 R /MediaBox [0 0 200 200] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
  ];
  let text = '%PDF-1.7\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(text.length);
    text += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = text.length;
  text += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  text += `trailer\n<< /Size ${objects.length + 1} /Root 2 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(text);
}
